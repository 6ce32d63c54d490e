select
  "d"."code",
  "d"."name"
from
  "district" as "d"
where
  "d"."code" = $1;

select
  "e"."school_code",
  "e"."year",
  "e"."kind",
  "e"."old_value",
  "e"."new_value",
  "e"."target_school_code"
from
  "school_event" as "e"
  inner join "school" on "school"."code" = "e"."school_code"
where
  (
    "school"."district_code" = $1
    and 1 = 1
  )
  and "e"."year" >= $2
  and "e"."year" <= $3
order by
  "e"."year",
  "e"."school_code",
  "e"."kind";

select
  "s".*
from
  "school_year_stat" as "s"
  inner join "school" on "school"."code" = "s"."school_code"
where
  (
    "school"."district_code" = $1
    and 1 = 1
  )
  and "s"."year" >= $2
  and "s"."year" <= $3
order by
  "s"."year",
  "s"."school_code";

select
  "school"."code",
  "school"."name",
  "school"."district_code",
  "district"."name" as "district_name",
  "district"."city_name",
  "school"."township_code",
  "township"."name" as "township_name",
  "school"."urban_rural_code",
  "school"."school_type",
  "school"."ownership",
  "school"."boarding",
  "school"."parent_school_code",
  "school"."group_name"
from
  "school"
  inner join "district" on "district"."code" = "school"."district_code"
  inner join "township" on "township"."code" = "school"."township_code"
where
  (
    "school"."district_code" = $1
    and 1 = 1
  )
order by
  "school"."code";

with recursive
  "years" ("year") as (
    select
      min("year") as "year"
    from
      "school_year_stat"
    union all
    select
      (
        select
          min("later"."year") as "year"
        from
          "school_year_stat" as "later"
        where
          "later"."year" > "years"."year"
      ) as "year"
    from
      "years"
    where
      "years"."year" is not null
  )
select
  "present"."year"
from
  "years"
  inner join lateral (
    select
      "s"."year"
    from
      "school_year_stat" as "s"
      inner join "school" on "school"."code" = "s"."school_code"
    where
      "s"."year" = "years"."year"
      and "school"."district_code" = $1
    limit
      $2
  ) as "present" on true
order by
  "present"."year";
