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
order by
  "e"."year",
  "e"."school_code",
  "e"."kind";

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
  "school"."code" = $1
  and 1 = 1;

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
