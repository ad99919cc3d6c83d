/** Bahasa Indonesia interface strings: the same keys as en.ts (a unit test checks that none is missing). */
import type { PartialTranslation } from './index';

export const id: PartialTranslation = {
  app: {
    title: 'Jangkau',
    subtitle: 'Kesiapan digital provinsi di Indonesia dan ke mana roadshow sebaiknya pergi berikutnya',
    loading: 'Memuat data bawaan…',
    loadError: 'Data bawaan tidak dapat dimuat: {{message}}',
    controls: 'Kontrol',
    mapGroup: 'Peta',
  },
  map: {
    label: 'Peta provinsi di Indonesia',
  },
  language: {
    label: 'Bahasa',
    en: 'English',
    id: 'Bahasa Indonesia',
  },
  phone: {
    gapTitle: 'Kesenjangan timur–barat',
    gapLine:
      'penggunaan internet {{east}}% di timur vs {{west}}% di barat: selisih {{gap}} poin ({{year}}, BPS)',
  },
  metric: {
    label: 'Indikator',
    internet_use_bps: 'Penggunaan internet (% penduduk, BPS)',
    internet_use_apjii: 'Penggunaan internet (survei APJII, jika ada)',
    internet_users: 'Pengguna internet (perkiraan)',
    facebook_users: 'Pengguna Facebook (perkiraan)',
    offline_population: 'Penduduk belum daring (perkiraan)',
    households_internet: 'Rumah tangga dengan akses internet (%)',
    msme_total: 'UMKM (usaha nonpertanian, SE2016)',
    population: 'Jumlah penduduk',
    training_coverage: 'Cakupan pelatihan (perkiraan)',
  },
  unit: {
    percent: '%',
    people: 'jiwa',
    establishments: 'usaha',
  },
  year: { label: 'Tahun', play: 'Putar tahun', pause: 'Jeda', none: 'tanpa tahun' },
  classify: {
    label: 'Klasifikasi',
    quantile: 'Kuantil',
    equal: 'Interval sama',
    jenks: 'Jenks (natural breaks)',
    classes: 'Jumlah kelas',
    palette: 'Palet warna',
    blues: 'Biru',
    purples: 'Ungu',
    greens: 'Hijau',
    viridis: 'Viridis',
    compare: 'Bandingkan skema',
    compareTitle: 'Indikator yang sama dengan tiga skema klasifikasi',
    compareHint: 'Batas kelas mengubah gambaran peta; datanya tetap sama.',
  },
  legend: {
    title: 'Legenda',
    noData: 'tidak ada data',
    source: 'Sumber',
    estimate: 'Perkiraan',
    method: 'Bagaimana perkiraan ini dihitung?',
    aggregated: 'gabungan beberapa provinsi',
    userData: 'data pengguna',
    facebookNote:
      'Pengguna internet × {{share}}% pengguna internet yang memakai Facebook ({{year}}, angka nasional: tahun terdekat yang ada sumbernya)',
    coverageNote: 'Bagian perkiraan penduduk tiap wilayah yang berada dalam jangkauan {{count}} hub di peta',
    years: 'Tahun {{year}}',
  },
  tooltip: {
    rank: 'peringkat {{rank}} dari {{of}}',
    noData: 'tidak ada data',
    missing: 'tidak tersedia: {{names}}',
  },
  hubs: {
    title: 'Hub dan jangkauan',
    add: 'Tambah hub',
    addArmed: 'Klik sebuah kota di peta…',
    cancel: 'Batal',
    radius: 'Radius jangkauan (km)',
    sameIsland: 'Hanya pulau yang sama',
    seaCrossing: 'Penyeberangan laut (km)',
    decay: 'Jangkauan di tepi',
    remove: 'Hapus hub {{name}}',
    marker: 'Hub {{name}} ({{status}})',
    markerKeys: 'seret, atau fokuskan dan pakai tombol panah untuk memindahkan; Delete menghapus',
    people: 'jiwa',
    underserved: 'belum terlayani (belum daring)',
    held: 'sudah',
    heldUnknownDate: 'sudah, tanggal tidak diketahui',
    planned: 'direncanakan',
    added: 'ditambahkan',
    none: 'Belum ada hub.',
    reachNote:
      'Jangkauan dari permukaan penduduk (perkiraan). Belum terlayani = penduduk × bagian belum daring di provinsinya ({{year}}, BPS).',
  },
  settings: {
    title: 'Pengaturan',
    divide: 'Batas timur–barat',
    grouping: 'Pengelompokan Indonesia Timur',
    se2016: 'Pengertian BPS 2016 (termasuk Kalimantan)',
    kti17: '17 provinsi (geografis)',
  },
  panel: {
    close: 'Tutup',
    about: 'Tentang data',
    table: 'Tampilan tabel',
    detail: 'Rincian provinsi',
  },
  detail: {
    provinces: 'Provinsi dalam wilayah ini',
    metric: 'Indikator',
    latest: 'Terbaru',
    history: 'Riwayat',
    estimateTag: 'perkiraan',
    aggregatedTag: 'gabungan',
    lineage: '{{name}} dimekarkan dari {{from}} pada {{year}}',
    codes: 'BPS {{bps}} · Kemendagri {{kemendagri}} · {{iso}}',
  },
  table: {
    caption: 'Tabel peta: {{metric}} ({{year}})',
    polygon: 'Wilayah provinsi',
    includes: 'Mencakup',
    value: 'Nilai',
    rank: 'Peringkat',
    source: 'Sumber',
  },
  about: {
    title: 'Tentang data',
    sources: 'Sumber',
    methods: 'Metode perkiraan',
    caveats: 'Catatan',
    surfaceTitle: 'Permukaan penduduk',
    surface:
      'Sekitar 49.000 sel H3 (resolusi 6, masing-masing sekitar 36 km²). Setiap sel berisi jumlah penduduk tempat-tempat GeoNames di dalamnya ditambah bagian rata dari sisa total Sensus Penduduk 2020 provinsinya, sehingga jumlah sel setiap provinsi sama persis dengan total sensusnya. Sebaran penduduk di luar tempat bernama tidak diperhitungkan.',
    facebookTitle: 'Pengguna Facebook',
    facebook:
      'Pengguna internet (penduduk × persentase penggunaan internet BPS) × bagian nasional pengguna internet yang memakai Facebook pada tahun terdekat yang ada sumbernya (APJII 2022: 68,38%; Facebook Indonesia 2018: sekitar 80%). Tidak ada angka Facebook per provinsi.',
    coverageTitle: 'Cakupan pelatihan',
    coverage:
      'Bagian perkiraan penduduk provinsi yang sel permukaan penduduknya berada di dalam jangkauan sebuah hub (radius, aturan pulau yang sama, dan penyeberangan laut sesuai pengaturan).',
    usersTitle: 'Pengguna internet dan penduduk belum daring',
    users:
      'Penduduk SP2020 × (atau × 1 −) persentase penggunaan internet BPS pada tahun yang sama. Persentase BPS memakai dasar 34 provinsi.',
    caveat34:
      'Statistik BPS hingga 2023 diterbitkan untuk 34 provinsi (sebelum pemekaran Papua 2022). Data ditampilkan pada poligon Natural Earth yang lebih tua dari Kalimantan Utara dan provinsi-provinsi baru di Papua; poligon yang mewakili beberapa provinsi menyebutkannya, dan nilainya dijumlahkan (jumlah) atau dibobot dengan jumlah penduduk (persentase).',
    caveatGaps:
      'Nilai yang tidak ada tetap kosong: 2020 dan 2024 tidak memiliki angka provinsi yang terverifikasi; 2021 dan 2022 hanya mencakup provinsi teratas dan terbawah.',
    caveatApjii:
      'APJII dan BPS memakai survei dan definisi yang berbeda; keduanya tidak pernah dicampur dalam satu deret.',
    attribution:
      'Batas wilayah: Natural Earth (domain publik). Tempat: GeoNames (geonames.org), CC BY 4.0. Negara tetangga: Natural Earth melalui world-atlas.',
  },
};
