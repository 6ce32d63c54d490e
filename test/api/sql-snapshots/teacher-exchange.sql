select
  "r"."year",
  "r"."teacher_ref",
  "r"."from_school_code" as "from_school_code",
  "r"."to_school_code" as "to_school_code",
  "r"."backbone",
  "r"."months"
from
  "rotation" as "r"
where
  "r"."year" >= $1
  and "r"."year" <= $2
  and (
    "r"."from_school_code" in (
      select
        "school"."code"
      from
        "school"
      where
        (
          "school"."district_code" = $3
          and 1 = 1
        )
    )
    or "r"."to_school_code" in (
      select
        "school"."code"
      from
        "school"
      where
        (
          "school"."district_code" = $4
          and 1 = 1
        )
    )
  )
order by
  "r"."year",
  "r"."teacher_ref";

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
  "d"."code",
  "d"."name",
  (
    select
      coalesce(
        array_agg(
          present.year
          order by
            present.year
        ),
        '{}'
      ) as "years"
    from
      "years" as "y"
      inner join lateral (
        select
          "s"."year"
        from
          "school_year_stat" as "s"
          inner join "school" as "sc" on "sc"."code" = "s"."school_code"
        where
          "s"."year" = "y"."year"
          and "sc"."district_code" = "d"."code"
        limit
          $1
      ) as "present" on true
  ) as "years"
from
  "district" as "d"
where
  "d"."code" = $2;
