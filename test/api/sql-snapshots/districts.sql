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
  ) as "years",
  (
    select
      count(*)::int as "n"
    from
      "school" as "sc"
    where
      "sc"."district_code" = "d"."code"
  ) as "schools",
  (
    select
      count(*)::int as "n"
    from
      "township" as "t"
    where
      "t"."district_code" = "d"."code"
  ) as "townships"
from
  "district" as "d"
order by
  "d"."code";
