select
  "code",
  "name"
from
  "district";

select
  "p"."district_code",
  "p"."school_code",
  "p"."counted",
  "p"."p",
  (
    (
      (
        case
          when ("p"."x0" >= $1::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x1" >= $2::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x2" >= $3::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x3" >= $4::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x4" >= $5::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x5" >= $6::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x6" >= $7::float8) then 0
          else 1
        end
      )
    ) = 0
    or (
      (
        (
          case
            when ("p"."x0" >= $8::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x1" >= $9::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x2" >= $10::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x3" >= $11::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x4" >= $12::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x5" >= $13::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x6" >= $14::float8) then 0
            else 1
          end
        )
      ) = 1
      and (
        (
          ("p"."x0" >= $15::float8)
          or "p"."x0" / $16::float8 >= $17::float8
        )
        and (
          ("p"."x1" >= $18::float8)
          or "p"."x1" / $19::float8 >= $20::float8
        )
        and (
          ("p"."x2" >= $21::float8)
          or "p"."x2" / $22::float8 >= $23::float8
        )
        and (
          ("p"."x3" >= $24::float8)
          or "p"."x3" / $25::float8 >= $26::float8
        )
        and (
          ("p"."x4" >= $27::float8)
          or "p"."x4" / $28::float8 >= $29::float8
        )
        and (
          ("p"."x5" >= $30::float8)
          or "p"."x5" / $31::float8 >= $32::float8
        )
        and (
          ("p"."x6" >= $33::float8)
          or "p"."x6" / $34::float8 >= $35::float8
        )
      )
    )
  ) as "passes",
  "p"."x0" as "x0",
  "p"."x1" as "x1",
  "p"."x2" as "x2",
  "p"."x3" as "x3",
  "p"."x4" as "x4",
  "p"."x5" as "x5",
  "p"."x6" as "x6"
from
  (
    select
      "school"."district_code",
      "s"."school_code",
      (
        "s"."students_primary" > 0
        and school.school_type <> 'special'
        and not (
          school.school_type = 'teaching_point'
          and "s"."students_primary" < $36
        )
      ) as "counted",
      "s"."students_primary"::float8 as "p",
      case
        when "s"."students_primary"::float8 > 0 then (
          $37::float8 * "s"."higher_degree_teachers_primary"::float8
        ) / "s"."students_primary"::float8
      end as "x0",
      case
        when "s"."students_primary"::float8 > 0 then (
          $38::float8 * "s"."backbone_teachers_primary"::float8
        ) / "s"."students_primary"::float8
      end as "x1",
      case
        when "s"."students_primary"::float8 > 0 then (
          $39::float8 * "s"."pe_art_teachers_primary"::float8
        ) / "s"."students_primary"::float8
      end as "x2",
      case
        when "s"."students_primary"::float8 > 0 then (
          $40::float8 * (
            "s"."teaching_room_area"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $41::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $42::float8
                  else $43::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $44::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $45::float8
                      else $46::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $47::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $48::float8
                      else $49::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $50::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $51::float8
                    else $52::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x3",
      case
        when "s"."students_primary"::float8 > 0 then (
          $53::float8 * (
            "s"."sports_area"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $54::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $55::float8
                  else $56::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $57::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $58::float8
                      else $59::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $60::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $61::float8
                      else $62::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $63::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $64::float8
                    else $65::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x4",
      case
        when "s"."students_primary"::float8 > 0 then (
          $66::float8 * (
            "s"."equipment_value"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $67::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $68::float8
                  else $69::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $70::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $71::float8
                      else $72::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $73::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $74::float8
                      else $75::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $76::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $77::float8
                    else $78::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x5",
      case
        when "s"."students_primary"::float8 > 0 then (
          $79::float8 * (
            "s"."multimedia_rooms"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $80::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $81::float8
                  else $82::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $83::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $84::float8
                      else $85::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $86::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $87::float8
                      else $88::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $89::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $90::float8
                    else $91::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x6"
    from
      "school_year_stat" as "s"
      inner join "school" on "school"."code" = "s"."school_code"
    where
      "s"."year" = $92
    offset
      $93
  ) as "p";

select
  "p"."district_code",
  "p"."school_code",
  "p"."counted",
  "p"."p",
  (
    (
      (
        case
          when ("p"."x0" >= $1::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x1" >= $2::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x2" >= $3::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x3" >= $4::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x4" >= $5::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x5" >= $6::float8) then 0
          else 1
        end
      ) + (
        case
          when ("p"."x6" >= $7::float8) then 0
          else 1
        end
      )
    ) = 0
    or (
      (
        (
          case
            when ("p"."x0" >= $8::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x1" >= $9::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x2" >= $10::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x3" >= $11::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x4" >= $12::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x5" >= $13::float8) then 0
            else 1
          end
        ) + (
          case
            when ("p"."x6" >= $14::float8) then 0
            else 1
          end
        )
      ) = 1
      and (
        (
          ("p"."x0" >= $15::float8)
          or "p"."x0" / $16::float8 >= $17::float8
        )
        and (
          ("p"."x1" >= $18::float8)
          or "p"."x1" / $19::float8 >= $20::float8
        )
        and (
          ("p"."x2" >= $21::float8)
          or "p"."x2" / $22::float8 >= $23::float8
        )
        and (
          ("p"."x3" >= $24::float8)
          or "p"."x3" / $25::float8 >= $26::float8
        )
        and (
          ("p"."x4" >= $27::float8)
          or "p"."x4" / $28::float8 >= $29::float8
        )
        and (
          ("p"."x5" >= $30::float8)
          or "p"."x5" / $31::float8 >= $32::float8
        )
        and (
          ("p"."x6" >= $33::float8)
          or "p"."x6" / $34::float8 >= $35::float8
        )
      )
    )
  ) as "passes",
  "p"."x0" as "x0",
  "p"."x1" as "x1",
  "p"."x2" as "x2",
  "p"."x3" as "x3",
  "p"."x4" as "x4",
  "p"."x5" as "x5",
  "p"."x6" as "x6"
from
  (
    select
      "school"."district_code",
      "s"."school_code",
      (
        "s"."students_primary" > 0
        and school.school_type <> 'special'
        and not (
          school.school_type = 'teaching_point'
          and "s"."students_primary" < $36
        )
      ) as "counted",
      "s"."students_primary"::float8 as "p",
      case
        when "s"."students_primary"::float8 > 0 then (
          $37::float8 * "s"."higher_degree_teachers_primary"::float8
        ) / "s"."students_primary"::float8
      end as "x0",
      case
        when "s"."students_primary"::float8 > 0 then (
          $38::float8 * "s"."backbone_teachers_primary"::float8
        ) / "s"."students_primary"::float8
      end as "x1",
      case
        when "s"."students_primary"::float8 > 0 then (
          $39::float8 * "s"."pe_art_teachers_primary"::float8
        ) / "s"."students_primary"::float8
      end as "x2",
      case
        when "s"."students_primary"::float8 > 0 then (
          $40::float8 * (
            "s"."teaching_room_area"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $41::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $42::float8
                  else $43::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $44::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $45::float8
                      else $46::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $47::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $48::float8
                      else $49::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $50::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $51::float8
                    else $52::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x3",
      case
        when "s"."students_primary"::float8 > 0 then (
          $53::float8 * (
            "s"."sports_area"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $54::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $55::float8
                  else $56::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $57::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $58::float8
                      else $59::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $60::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $61::float8
                      else $62::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $63::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $64::float8
                    else $65::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x4",
      case
        when "s"."students_primary"::float8 > 0 then (
          $66::float8 * (
            "s"."equipment_value"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $67::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $68::float8
                  else $69::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $70::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $71::float8
                      else $72::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $73::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $74::float8
                      else $75::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $76::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $77::float8
                    else $78::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x5",
      case
        when "s"."students_primary"::float8 > 0 then (
          $79::float8 * (
            "s"."multimedia_rooms"::float8 * (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $80::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $81::float8
                  else $82::float8
                end * "s"."students_primary"::float8
              ) / (
                (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $83::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $84::float8
                      else $85::float8
                    end * "s"."students_primary"::float8
                  ) + (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $86::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $87::float8
                      else $88::float8
                    end * "s"."students_junior"::float8
                  )
                ) + (
                  case
                    when (
                      school.school_type = 'nine_year'
                      and s.students_senior <= 0
                    ) then $89::float8
                    when (
                      school.school_type = 'complete_middle'
                      and s.students_primary <= 0
                    ) then $90::float8
                    else $91::float8
                  end * "s"."students_senior"::float8
                )
              )
            )
          )
        ) / "s"."students_primary"::float8
      end as "x6"
    from
      "school_year_stat" as "s"
      inner join "school" on "school"."code" = "s"."school_code"
    where
      "s"."year" = $92
    offset
      $93
  ) as "p";

select
  "school"."district_code",
  "s"."school_code",
  (
    "s"."students_primary" > 0
    and school.school_type <> 'special'
    and not (
      school.school_type = 'teaching_point'
      and "s"."students_primary" < $1
    )
  ) as "counted",
  "s"."students_primary"::float8 as "p",
  case
    when "s"."students_primary"::float8 > 0 then (
      $2::float8 * "s"."higher_degree_teachers_primary"::float8
    ) / "s"."students_primary"::float8
  end as "x0",
  case
    when "s"."students_primary"::float8 > 0 then (
      $3::float8 * "s"."backbone_teachers_primary"::float8
    ) / "s"."students_primary"::float8
  end as "x1",
  case
    when "s"."students_primary"::float8 > 0 then (
      $4::float8 * "s"."pe_art_teachers_primary"::float8
    ) / "s"."students_primary"::float8
  end as "x2",
  case
    when "s"."students_primary"::float8 > 0 then (
      $5::float8 * (
        "s"."teaching_room_area"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $6::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $7::float8
              else $8::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $9::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $10::float8
                  else $11::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $12::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $13::float8
                  else $14::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $15::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $16::float8
                else $17::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x3",
  case
    when "s"."students_primary"::float8 > 0 then (
      $18::float8 * (
        "s"."sports_area"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $19::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $20::float8
              else $21::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $22::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $23::float8
                  else $24::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $25::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $26::float8
                  else $27::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $28::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $29::float8
                else $30::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x4",
  case
    when "s"."students_primary"::float8 > 0 then (
      $31::float8 * (
        "s"."equipment_value"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $32::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $33::float8
              else $34::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $35::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $36::float8
                  else $37::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $38::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $39::float8
                  else $40::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $41::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $42::float8
                else $43::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x5",
  case
    when "s"."students_primary"::float8 > 0 then (
      $44::float8 * (
        "s"."multimedia_rooms"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $45::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $46::float8
              else $47::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $48::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $49::float8
                  else $50::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $51::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $52::float8
                  else $53::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $54::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $55::float8
                else $56::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x6"
from
  "school_year_stat" as "s"
  inner join "school" on "school"."code" = "s"."school_code"
where
  "s"."year" = $57
offset
  $58;

select
  "school"."district_code",
  "s"."school_code",
  (
    "s"."students_primary" > 0
    and school.school_type <> 'special'
    and not (
      school.school_type = 'teaching_point'
      and "s"."students_primary" < $1
    )
  ) as "counted",
  "s"."students_primary"::float8 as "p",
  case
    when "s"."students_primary"::float8 > 0 then (
      $2::float8 * "s"."higher_degree_teachers_primary"::float8
    ) / "s"."students_primary"::float8
  end as "x0",
  case
    when "s"."students_primary"::float8 > 0 then (
      $3::float8 * "s"."backbone_teachers_primary"::float8
    ) / "s"."students_primary"::float8
  end as "x1",
  case
    when "s"."students_primary"::float8 > 0 then (
      $4::float8 * "s"."pe_art_teachers_primary"::float8
    ) / "s"."students_primary"::float8
  end as "x2",
  case
    when "s"."students_primary"::float8 > 0 then (
      $5::float8 * (
        "s"."teaching_room_area"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $6::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $7::float8
              else $8::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $9::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $10::float8
                  else $11::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $12::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $13::float8
                  else $14::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $15::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $16::float8
                else $17::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x3",
  case
    when "s"."students_primary"::float8 > 0 then (
      $18::float8 * (
        "s"."sports_area"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $19::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $20::float8
              else $21::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $22::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $23::float8
                  else $24::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $25::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $26::float8
                  else $27::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $28::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $29::float8
                else $30::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x4",
  case
    when "s"."students_primary"::float8 > 0 then (
      $31::float8 * (
        "s"."equipment_value"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $32::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $33::float8
              else $34::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $35::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $36::float8
                  else $37::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $38::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $39::float8
                  else $40::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $41::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $42::float8
                else $43::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x5",
  case
    when "s"."students_primary"::float8 > 0 then (
      $44::float8 * (
        "s"."multimedia_rooms"::float8 * (
          (
            case
              when (
                school.school_type = 'nine_year'
                and s.students_senior <= 0
              ) then $45::float8
              when (
                school.school_type = 'complete_middle'
                and s.students_primary <= 0
              ) then $46::float8
              else $47::float8
            end * "s"."students_primary"::float8
          ) / (
            (
              (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $48::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $49::float8
                  else $50::float8
                end * "s"."students_primary"::float8
              ) + (
                case
                  when (
                    school.school_type = 'nine_year'
                    and s.students_senior <= 0
                  ) then $51::float8
                  when (
                    school.school_type = 'complete_middle'
                    and s.students_primary <= 0
                  ) then $52::float8
                  else $53::float8
                end * "s"."students_junior"::float8
              )
            ) + (
              case
                when (
                  school.school_type = 'nine_year'
                  and s.students_senior <= 0
                ) then $54::float8
                when (
                  school.school_type = 'complete_middle'
                  and s.students_primary <= 0
                ) then $55::float8
                else $56::float8
              end * "s"."students_senior"::float8
            )
          )
        )
      )
    ) / "s"."students_primary"::float8
  end as "x6"
from
  "school_year_stat" as "s"
  inner join "school" on "school"."code" = "s"."school_code"
where
  "s"."year" = $57
offset
  $58;

select
  set_config('jit', 'off', true),
  set_config('work_mem', '64MB', true);

select
  set_config('jit', 'off', true),
  set_config('work_mem', '64MB', true);

with
  "units" as materialized (
    select
      "p"."district_code",
      "p"."school_code",
      "p"."counted",
      "p"."p",
      (
        (
          (
            case
              when ("p"."x0" >= $1::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x1" >= $2::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x2" >= $3::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x3" >= $4::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x4" >= $5::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x5" >= $6::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x6" >= $7::float8) then 0
              else 1
            end
          )
        ) = 0
        or (
          (
            (
              case
                when ("p"."x0" >= $8::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x1" >= $9::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x2" >= $10::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x3" >= $11::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x4" >= $12::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x5" >= $13::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x6" >= $14::float8) then 0
                else 1
              end
            )
          ) = 1
          and (
            (
              ("p"."x0" >= $15::float8)
              or "p"."x0" / $16::float8 >= $17::float8
            )
            and (
              ("p"."x1" >= $18::float8)
              or "p"."x1" / $19::float8 >= $20::float8
            )
            and (
              ("p"."x2" >= $21::float8)
              or "p"."x2" / $22::float8 >= $23::float8
            )
            and (
              ("p"."x3" >= $24::float8)
              or "p"."x3" / $25::float8 >= $26::float8
            )
            and (
              ("p"."x4" >= $27::float8)
              or "p"."x4" / $28::float8 >= $29::float8
            )
            and (
              ("p"."x5" >= $30::float8)
              or "p"."x5" / $31::float8 >= $32::float8
            )
            and (
              ("p"."x6" >= $33::float8)
              or "p"."x6" / $34::float8 >= $35::float8
            )
          )
        )
      ) as "passes",
      "p"."x0" as "x0",
      "p"."x1" as "x1",
      "p"."x2" as "x2",
      "p"."x3" as "x3",
      "p"."x4" as "x4",
      "p"."x5" as "x5",
      "p"."x6" as "x6"
    from
      (
        select
          "school"."district_code",
          "s"."school_code",
          (
            "s"."students_primary" > 0
            and school.school_type <> 'special'
            and not (
              school.school_type = 'teaching_point'
              and "s"."students_primary" < $36
            )
          ) as "counted",
          "s"."students_primary"::float8 as "p",
          case
            when "s"."students_primary"::float8 > 0 then (
              $37::float8 * "s"."higher_degree_teachers_primary"::float8
            ) / "s"."students_primary"::float8
          end as "x0",
          case
            when "s"."students_primary"::float8 > 0 then (
              $38::float8 * "s"."backbone_teachers_primary"::float8
            ) / "s"."students_primary"::float8
          end as "x1",
          case
            when "s"."students_primary"::float8 > 0 then (
              $39::float8 * "s"."pe_art_teachers_primary"::float8
            ) / "s"."students_primary"::float8
          end as "x2",
          case
            when "s"."students_primary"::float8 > 0 then (
              $40::float8 * (
                "s"."teaching_room_area"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $41::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $42::float8
                      else $43::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $44::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $45::float8
                          else $46::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $47::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $48::float8
                          else $49::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $50::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $51::float8
                        else $52::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x3",
          case
            when "s"."students_primary"::float8 > 0 then (
              $53::float8 * (
                "s"."sports_area"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $54::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $55::float8
                      else $56::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $57::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $58::float8
                          else $59::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $60::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $61::float8
                          else $62::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $63::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $64::float8
                        else $65::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x4",
          case
            when "s"."students_primary"::float8 > 0 then (
              $66::float8 * (
                "s"."equipment_value"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $67::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $68::float8
                      else $69::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $70::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $71::float8
                          else $72::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $73::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $74::float8
                          else $75::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $76::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $77::float8
                        else $78::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x5",
          case
            when "s"."students_primary"::float8 > 0 then (
              $79::float8 * (
                "s"."multimedia_rooms"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $80::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $81::float8
                      else $82::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $83::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $84::float8
                          else $85::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $86::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $87::float8
                          else $88::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $89::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $90::float8
                        else $91::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x6"
        from
          "school_year_stat" as "s"
          inner join "school" on "school"."code" = "s"."school_code"
        where
          "s"."year" = $92
        offset
          $93
      ) as "p"
  ),
  "means" as (
    select
      "u"."district_code",
      count(*) filter (
        where
          u.counted
      )::int as "schools_counted",
      count(*) filter (
        where
          u.counted
          and u.passes
      )::int as "schools_passing",
      sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "total",
      sum(
        u.p * "u"."x0"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m0",
      sum(
        u.p * "u"."x1"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m1",
      sum(
        u.p * "u"."x2"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m2",
      sum(
        u.p * "u"."x3"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m3",
      sum(
        u.p * "u"."x4"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m4",
      sum(
        u.p * "u"."x5"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m5",
      sum(
        u.p * "u"."x6"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m6"
    from
      "units" as "u"
    group by
      "u"."district_code"
  ),
  "variances" as (
    select
      "u"."district_code",
      sum(
        (u.p / m.total) * (("u"."x0" - "m"."m0") * ("u"."x0" - "m"."m0"))
        order by
          u.school_code
      ) as "v0",
      sum(
        (u.p / m.total) * (("u"."x1" - "m"."m1") * ("u"."x1" - "m"."m1"))
        order by
          u.school_code
      ) as "v1",
      sum(
        (u.p / m.total) * (("u"."x2" - "m"."m2") * ("u"."x2" - "m"."m2"))
        order by
          u.school_code
      ) as "v2",
      sum(
        (u.p / m.total) * (("u"."x3" - "m"."m3") * ("u"."x3" - "m"."m3"))
        order by
          u.school_code
      ) as "v3",
      sum(
        (u.p / m.total) * (("u"."x4" - "m"."m4") * ("u"."x4" - "m"."m4"))
        order by
          u.school_code
      ) as "v4",
      sum(
        (u.p / m.total) * (("u"."x5" - "m"."m5") * ("u"."x5" - "m"."m5"))
        order by
          u.school_code
      ) as "v5",
      sum(
        (u.p / m.total) * (("u"."x6" - "m"."m6") * ("u"."x6" - "m"."m6"))
        order by
          u.school_code
      ) as "v6"
    from
      "units" as "u"
      inner join "means" as "m" on "m"."district_code" = "u"."district_code"
    where
      "u"."counted" = $94
    group by
      "u"."district_code"
  )
select
  "m"."district_code",
  "m"."schools_counted",
  coalesce(m.total, 0) as "students_counted",
  "m"."schools_passing",
  "m"."m0" as "m0",
  "m"."m1" as "m1",
  "m"."m2" as "m2",
  "m"."m3" as "m3",
  "m"."m4" as "m4",
  "m"."m5" as "m5",
  "m"."m6" as "m6",
  "v"."v0" as "v0",
  "v"."v1" as "v1",
  "v"."v2" as "v2",
  "v"."v3" as "v3",
  "v"."v4" as "v4",
  "v"."v5" as "v5",
  "v"."v6" as "v6"
from
  "means" as "m"
  left join "variances" as "v" on "v"."district_code" = "m"."district_code";

with
  "units" as materialized (
    select
      "p"."district_code",
      "p"."school_code",
      "p"."counted",
      "p"."p",
      (
        (
          (
            case
              when ("p"."x0" >= $1::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x1" >= $2::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x2" >= $3::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x3" >= $4::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x4" >= $5::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x5" >= $6::float8) then 0
              else 1
            end
          ) + (
            case
              when ("p"."x6" >= $7::float8) then 0
              else 1
            end
          )
        ) = 0
        or (
          (
            (
              case
                when ("p"."x0" >= $8::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x1" >= $9::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x2" >= $10::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x3" >= $11::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x4" >= $12::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x5" >= $13::float8) then 0
                else 1
              end
            ) + (
              case
                when ("p"."x6" >= $14::float8) then 0
                else 1
              end
            )
          ) = 1
          and (
            (
              ("p"."x0" >= $15::float8)
              or "p"."x0" / $16::float8 >= $17::float8
            )
            and (
              ("p"."x1" >= $18::float8)
              or "p"."x1" / $19::float8 >= $20::float8
            )
            and (
              ("p"."x2" >= $21::float8)
              or "p"."x2" / $22::float8 >= $23::float8
            )
            and (
              ("p"."x3" >= $24::float8)
              or "p"."x3" / $25::float8 >= $26::float8
            )
            and (
              ("p"."x4" >= $27::float8)
              or "p"."x4" / $28::float8 >= $29::float8
            )
            and (
              ("p"."x5" >= $30::float8)
              or "p"."x5" / $31::float8 >= $32::float8
            )
            and (
              ("p"."x6" >= $33::float8)
              or "p"."x6" / $34::float8 >= $35::float8
            )
          )
        )
      ) as "passes",
      "p"."x0" as "x0",
      "p"."x1" as "x1",
      "p"."x2" as "x2",
      "p"."x3" as "x3",
      "p"."x4" as "x4",
      "p"."x5" as "x5",
      "p"."x6" as "x6"
    from
      (
        select
          "school"."district_code",
          "s"."school_code",
          (
            "s"."students_primary" > 0
            and school.school_type <> 'special'
            and not (
              school.school_type = 'teaching_point'
              and "s"."students_primary" < $36
            )
          ) as "counted",
          "s"."students_primary"::float8 as "p",
          case
            when "s"."students_primary"::float8 > 0 then (
              $37::float8 * "s"."higher_degree_teachers_primary"::float8
            ) / "s"."students_primary"::float8
          end as "x0",
          case
            when "s"."students_primary"::float8 > 0 then (
              $38::float8 * "s"."backbone_teachers_primary"::float8
            ) / "s"."students_primary"::float8
          end as "x1",
          case
            when "s"."students_primary"::float8 > 0 then (
              $39::float8 * "s"."pe_art_teachers_primary"::float8
            ) / "s"."students_primary"::float8
          end as "x2",
          case
            when "s"."students_primary"::float8 > 0 then (
              $40::float8 * (
                "s"."teaching_room_area"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $41::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $42::float8
                      else $43::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $44::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $45::float8
                          else $46::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $47::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $48::float8
                          else $49::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $50::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $51::float8
                        else $52::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x3",
          case
            when "s"."students_primary"::float8 > 0 then (
              $53::float8 * (
                "s"."sports_area"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $54::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $55::float8
                      else $56::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $57::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $58::float8
                          else $59::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $60::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $61::float8
                          else $62::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $63::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $64::float8
                        else $65::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x4",
          case
            when "s"."students_primary"::float8 > 0 then (
              $66::float8 * (
                "s"."equipment_value"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $67::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $68::float8
                      else $69::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $70::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $71::float8
                          else $72::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $73::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $74::float8
                          else $75::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $76::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $77::float8
                        else $78::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x5",
          case
            when "s"."students_primary"::float8 > 0 then (
              $79::float8 * (
                "s"."multimedia_rooms"::float8 * (
                  (
                    case
                      when (
                        school.school_type = 'nine_year'
                        and s.students_senior <= 0
                      ) then $80::float8
                      when (
                        school.school_type = 'complete_middle'
                        and s.students_primary <= 0
                      ) then $81::float8
                      else $82::float8
                    end * "s"."students_primary"::float8
                  ) / (
                    (
                      (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $83::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $84::float8
                          else $85::float8
                        end * "s"."students_primary"::float8
                      ) + (
                        case
                          when (
                            school.school_type = 'nine_year'
                            and s.students_senior <= 0
                          ) then $86::float8
                          when (
                            school.school_type = 'complete_middle'
                            and s.students_primary <= 0
                          ) then $87::float8
                          else $88::float8
                        end * "s"."students_junior"::float8
                      )
                    ) + (
                      case
                        when (
                          school.school_type = 'nine_year'
                          and s.students_senior <= 0
                        ) then $89::float8
                        when (
                          school.school_type = 'complete_middle'
                          and s.students_primary <= 0
                        ) then $90::float8
                        else $91::float8
                      end * "s"."students_senior"::float8
                    )
                  )
                )
              )
            ) / "s"."students_primary"::float8
          end as "x6"
        from
          "school_year_stat" as "s"
          inner join "school" on "school"."code" = "s"."school_code"
        where
          "s"."year" = $92
        offset
          $93
      ) as "p"
  ),
  "means" as (
    select
      "u"."district_code",
      count(*) filter (
        where
          u.counted
      )::int as "schools_counted",
      count(*) filter (
        where
          u.counted
          and u.passes
      )::int as "schools_passing",
      sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "total",
      sum(
        u.p * "u"."x0"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m0",
      sum(
        u.p * "u"."x1"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m1",
      sum(
        u.p * "u"."x2"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m2",
      sum(
        u.p * "u"."x3"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m3",
      sum(
        u.p * "u"."x4"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m4",
      sum(
        u.p * "u"."x5"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m5",
      sum(
        u.p * "u"."x6"
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) / sum(
        u.p
        order by
          u.school_code
      ) filter (
        where
          u.counted
      ) as "m6"
    from
      "units" as "u"
    group by
      "u"."district_code"
  ),
  "variances" as (
    select
      "u"."district_code",
      sum(
        (u.p / m.total) * (("u"."x0" - "m"."m0") * ("u"."x0" - "m"."m0"))
        order by
          u.school_code
      ) as "v0",
      sum(
        (u.p / m.total) * (("u"."x1" - "m"."m1") * ("u"."x1" - "m"."m1"))
        order by
          u.school_code
      ) as "v1",
      sum(
        (u.p / m.total) * (("u"."x2" - "m"."m2") * ("u"."x2" - "m"."m2"))
        order by
          u.school_code
      ) as "v2",
      sum(
        (u.p / m.total) * (("u"."x3" - "m"."m3") * ("u"."x3" - "m"."m3"))
        order by
          u.school_code
      ) as "v3",
      sum(
        (u.p / m.total) * (("u"."x4" - "m"."m4") * ("u"."x4" - "m"."m4"))
        order by
          u.school_code
      ) as "v4",
      sum(
        (u.p / m.total) * (("u"."x5" - "m"."m5") * ("u"."x5" - "m"."m5"))
        order by
          u.school_code
      ) as "v5",
      sum(
        (u.p / m.total) * (("u"."x6" - "m"."m6") * ("u"."x6" - "m"."m6"))
        order by
          u.school_code
      ) as "v6"
    from
      "units" as "u"
      inner join "means" as "m" on "m"."district_code" = "u"."district_code"
    where
      "u"."counted" = $94
    group by
      "u"."district_code"
  )
select
  "m"."district_code",
  "m"."schools_counted",
  coalesce(m.total, 0) as "students_counted",
  "m"."schools_passing",
  "m"."m0" as "m0",
  "m"."m1" as "m1",
  "m"."m2" as "m2",
  "m"."m3" as "m3",
  "m"."m4" as "m4",
  "m"."m5" as "m5",
  "m"."m6" as "m6",
  "v"."v0" as "v0",
  "v"."v1" as "v1",
  "v"."v2" as "v2",
  "v"."v3" as "v3",
  "v"."v4" as "v4",
  "v"."v5" as "v5",
  "v"."v6" as "v6"
from
  "means" as "m"
  left join "variances" as "v" on "v"."district_code" = "m"."district_code";

with recursive
  years (year) as (
    select
      min(year)
    from
      school_year_stat
    union all
    select
      (
        select
          min(s.year)
        from
          school_year_stat s
        where
          s.year > years.year
      )
    from
      years
    where
      years.year is not null
  )
select
  year
from
  years
where
  year is not null
order by
  year;
