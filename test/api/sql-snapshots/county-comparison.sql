select
  "code",
  "city_name"
from
  "district"
where
  "city_name" is not null;

select
  "code",
  "name"
from
  "district";

select
  "district_code"
from
  "county_quality_sums"
where
  "stage" = $1
  and "include_private" = $2
group by
  "district_code"
order by
  "district_code";

select
  "district_code",
  "year",
  "schools_counted",
  "students_counted",
  "schools_passing",
  "m0",
  "m1",
  "m2",
  "m3",
  "m4",
  "m5",
  "m6",
  "v0",
  "v1",
  "v2",
  "v3",
  "v4",
  "v5",
  "v6"
from
  "county_quality_sums"
where
  "stage" = $1
  and "include_private" = $2
  and "year" <= $3
  and "district_code" >= $4
  and "district_code" <= $5
order by
  "district_code",
  "year";

select
  "year"
from
  "county_quality_sums"
where
  "stage" = $1
  and "include_private" = $2
group by
  "year"
order by
  "year";
