import type { CountyDataset, SchoolRow, SchoolStatRow, SchoolType } from '@junheng/shared';

/** Deterministic pseudo-random numbers (mulberry32), so every bench run measures the same data. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: SchoolType[] = ['primary', 'primary', 'primary', 'primary', 'junior', 'nine_year', 'teaching_point'];

/** One synthetic county of `schools` schools over `years` years (plausible magnitudes; not the realistic demo). */
export function generateCounty(index: number, schools: number, years: number[]): CountyDataset {
  const random = createRandom(1000 + index);
  const districtCode = String(500000 + index).padStart(6, '0');
  const schoolRows: SchoolRow[] = [];
  const stats: SchoolStatRow[] = [];
  for (let i = 0; i < schools; i += 1) {
    const township = i % 15;
    const schoolType = TYPES[i % TYPES.length] as SchoolType;
    const schoolCode = `${districtCode}${String(i).padStart(4, '0')}`;
    schoolRows.push({
      schoolCode,
      schoolName: `第${index + 1}县第${i + 1}学校`,
      districtCode,
      districtName: `测试${index + 1}县`,
      townshipCode: `${districtCode}${String(township < 4 ? township + 1 : 100 + township).padStart(3, '0')}`,
      townshipName: `第${township + 1}乡镇`,
      urbanRuralCode: township < 4 ? '111' : township < 10 ? '121' : '220',
      schoolType,
      ownership: i % 23 === 0 ? 'private' : 'public',
      boarding: false,
      parentSchoolCode: null,
      groupName: i % 5 === 0 ? `集团${i % 3}` : null,
    });
    const hasPrimary = schoolType !== 'junior';
    const hasJunior = schoolType === 'junior' || schoolType === 'nine_year';
    for (const year of years) {
      const primary = hasPrimary ? Math.round((schoolType === 'teaching_point' ? 20 : 300) + random() * 900) : 0;
      const junior = hasJunior ? Math.round(300 + random() * 800) : 0;
      const students = primary + junior;
      const teachersPrimary = Math.round(primary / (14 + random() * 6));
      const teachersJunior = Math.round(junior / (11 + random() * 4));
      const part = (n: number, share: number) => Math.min(n, Math.round(n * share));
      stats.push({
        year,
        schoolCode,
        studentsPrimary: primary,
        studentsJunior: junior,
        studentsSenior: 0,
        classesPrimary: Math.ceil(primary / 42),
        classesJunior: Math.ceil(junior / 48),
        teachersPrimary,
        teachersJunior,
        higherDegreeTeachersPrimary: part(teachersPrimary, 0.5 + random() * 0.4),
        higherDegreeTeachersJunior: part(teachersJunior, 0.5 + random() * 0.4),
        backboneTeachersPrimary: part(teachersPrimary, 0.05 + random() * 0.15),
        backboneTeachersJunior: part(teachersJunior, 0.05 + random() * 0.15),
        peArtTeachersPrimary: part(teachersPrimary, 0.08 + random() * 0.1),
        peArtTeachersJunior: part(teachersJunior, 0.08 + random() * 0.1),
        seniorTitleTeachersPrimary: part(teachersPrimary, 0.3 + random() * 0.4),
        seniorTitleTeachersJunior: part(teachersJunior, 0.3 + random() * 0.4),
        certifiedTeachers: teachersPrimary + teachersJunior,
        rotationEligibleTeachers: part(teachersPrimary + teachersJunior, 0.35),
        teachingRoomArea: Math.round(students * (3 + random() * 5) * 100) / 100,
        sportsArea: Math.round(students * (5 + random() * 10) * 100) / 100,
        equipmentValue: Math.round(students * (1500 + random() * 2500)),
        multimediaRooms: Math.ceil(students / (30 + random() * 30)),
        computers: Math.ceil(students / (6 + random() * 6)),
        books: Math.round(students * (20 + random() * 30)),
        musicRooms: 1 + Math.floor(random() * 3),
        artRooms: 1 + Math.floor(random() * 3),
        maxClassSize: 35 + Math.floor(random() * 30),
        classes56To65: Math.floor(random() * 3),
        classes66Plus: 0,
        maxClassSizePrimary: null,
        classes56To65Primary: null,
        classes66PlusPrimary: null,
        maxClassSizeJunior: null,
        classes56To65Junior: null,
        classes66PlusJunior: null,
      });
    }
  }
  return { schools: schoolRows, stats, rotations: [] };
}
