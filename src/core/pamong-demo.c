/* pamong-demo.c — the deterministic Kabupaten Blora demo dataset
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-calendar.h"
#include "pamong-demo.h"
#include "pamong-enum-types.h"
#include "pamong-error.h"
#include "pamong-framework.h"
#include "pamong-indicator-score.h"
#include "pamong-nik.h"
#include "pamong-region.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-spbe-index.h"
#include "pamong-store.h"
#include "pamong-unit.h"

/*
 * Everything here is made from the seed alone: two GRand streams (one for
 * content, one for uuids, so that adding a field to the content does not
 * shift every uuid), and timestamps counted from fixed dates, never from the
 * clock. The same seed gives byte-identical records.
 *
 * The dataset is demo content, not UI text: names and descriptions are in
 * Indonesian as a Blora officer would write them and are not translatable.
 * Unit names follow /work/shared/reference/spbe.md §3.4 where the sources
 * give them; the citizens, officers and phone numbers are fictional.
 */

/* The moment the dataset describes: Thursday 30 April 2026, 16:00 WIB. The
 * eve of a holiday (1 May), so the open requests look like a normal week. */
#define DEMO_NOW_UNIX      G_GINT64_CONSTANT (1777539600)
#define WIB_OFFSET         (7 * 3600)
#define SECONDS_PER_DAY    (24 * 3600)

#define DEMO_APPLICATIONS       150
#define DEMO_REQUESTS           2000
#define BENCHMARK_APPLICATIONS  27000
#define BENCHMARK_REQUESTS      100000

/* ------------------------------------------------------------------------
 * Units (OPD and the kecamatan offices)
 */

typedef struct
{
  const char     *code;
  const char     *name;
  const char     *short_name;
  PamongUnitKind  kind;
} UnitSpec;

static const UnitSpec unit_specs[] = {
  { "OPD.01", "Sekretariat Daerah", "Setda", PAMONG_UNIT_KIND_SECRETARIAT },
  { "OPD.02", "Sekretariat DPRD", "Setwan", PAMONG_UNIT_KIND_SECRETARIAT },
  { "OPD.03", "Inspektorat Daerah", "Inspektorat", PAMONG_UNIT_KIND_INSPECTORATE },
  { "OPD.04", "Badan Perencanaan Pembangunan Daerah", "Bappeda", PAMONG_UNIT_KIND_BOARD },
  /* The expansion of BPPKAD is not confirmed for Blora (spbe.md §0.2). */
  { "OPD.05", "Badan Pengelolaan Pendapatan, Keuangan dan Aset Daerah", "BPPKAD", PAMONG_UNIT_KIND_BOARD },
  { "OPD.06", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", PAMONG_UNIT_KIND_BOARD },
  { "OPD.07", "Dinas Komunikasi dan Informatika", "Dinkominfo", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.08", "Dinas Kependudukan dan Pencatatan Sipil", "Dindukcapil", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.09", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.10", "Dinas Kesehatan", "Dinkes", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.11", "Dinas Pendidikan", "Disdik", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.12", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.13", "Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak", "Dinsos P3A", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.14", "Dinas Perindustrian dan Tenaga Kerja", "Dinperinnaker", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.15", "Dinas Perdagangan, Koperasi dan UKM", "Dindagkop UKM", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.16", "Dinas Pertanian", "Distan", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.17", "Dinas Lingkungan Hidup", "DLH", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.18", "Dinas Perhubungan", "Dishub", PAMONG_UNIT_KIND_AGENCY },
  { "OPD.19", "Satuan Polisi Pamong Praja", "Satpol PP", PAMONG_UNIT_KIND_OTHER },
  { "OPD.20", "Badan Penanggulangan Bencana Daerah", "BPBD", PAMONG_UNIT_KIND_BOARD },
  { "OPD.21", "RSUD Dr. R. Soetijono Blora", "RSUD", PAMONG_UNIT_KIND_HOSPITAL },
};

/* ------------------------------------------------------------------------
 * Applications
 */

typedef struct
{
  const char *language;
  const char *framework;
  const char *database;
} Stack;

enum {
  STACK_NONE,         /* a national application: the stack is not ours to record */
  STACK_LARAVEL,
  STACK_CODEIGNITER,
  STACK_SPRING,
  STACK_DJANGO,
  STACK_ANDROID,
  STACK_EXPRESS,
  STACK_YII,
  STACK_DOTNET,
  STACK_WORDPRESS,
  STACK_GIN,
  STACK_FLUTTER,
  N_STACKS
};

static const Stack stacks[N_STACKS] = {
  [STACK_NONE] = { NULL, NULL, NULL },
  [STACK_LARAVEL] = { "PHP", "Laravel", "MySQL" },
  [STACK_CODEIGNITER] = { "PHP", "CodeIgniter", "MySQL" },
  [STACK_SPRING] = { "Java", "Spring Boot", "PostgreSQL" },
  [STACK_DJANGO] = { "Python", "Django", "PostgreSQL" },
  [STACK_ANDROID] = { "Kotlin", "Android Jetpack", "SQLite" },
  [STACK_EXPRESS] = { "JavaScript", "Node.js Express", "MongoDB" },
  [STACK_YII] = { "PHP", "Yii2", "MariaDB" },
  [STACK_DOTNET] = { "Visual Basic .NET", ".NET Framework", "SQL Server" },
  [STACK_WORDPRESS] = { "PHP", "WordPress", "MySQL" },
  [STACK_GIN] = { "Go", "Gin", "PostgreSQL" },
  [STACK_FLUTTER] = { "Dart", "Flutter", "Firebase" },
};

#define UMUM   PAMONG_APP_CATEGORY_UMUM
#define KHUSUS PAMONG_APP_CATEGORY_KHUSUS
#define WEB    PAMONG_APP_BASIS_WEB
#define MOBILE PAMONG_APP_BASIS_MOBILE
#define DESKTOP PAMONG_APP_BASIS_DESKTOP
#define CLOUD  PAMONG_APP_BASIS_CLOUD
#define OPEN   PAMONG_APP_LICENSE_OPEN_SOURCE
#define PROPRIETARY PAMONG_APP_LICENSE_PROPRIETARY
#define ACTIVE PAMONG_APP_STATUS_ACTIVE
#define DEVEL  PAMONG_APP_STATUS_DEVELOPMENT
#define INACTIVE PAMONG_APP_STATUS_INACTIVE
#define RETIRED PAMONG_APP_STATUS_RETIRED
#define UNDECIDED PAMONG_APP_PLAN_UNDECIDED
#define KEEP   PAMONG_APP_PLAN_KEEP
#define INTEGRATE PAMONG_APP_PLAN_INTEGRATE
#define RETIRE PAMONG_APP_PLAN_RETIRE

/*
 * One application as an inventory row. `unit` and `developer` are unit short
 * names (developer NULL: a national application, built by its ministry, or
 * a vendor). plan_target names a national application, or "@" and the name
 * of a local application in this table. services and data are ';'-separated.
 */
typedef struct
{
  const char        *unit;
  const char        *developer;
  const char        *name;
  const char        *description;
  const char        *function;
  const char        *reference_code;
  PamongAppCategory  category;
  PamongAppBasis     basis;
  PamongAppLicense   license;
  guint              stack;
  gint               year;
  PamongAppStatus    status;
  PamongAppPlan      plan;
  const char        *plan_target;
  const char        *plan_note;
  const char        *url;
  const char        *services;
  const char        *data;
  const char        *outputs;
} AppSpec;

static const AppSpec app_specs[] = {
  /* National Aplikasi Umum and national systems Blora operates. */
  { "Setda", NULL, "SRIKANDI",
    "Sistem Informasi Kearsipan Dinamis Terintegrasi dari ANRI untuk naskah dinas seluruh perangkat daerah.",
    "Pembuatan, pengiriman, disposisi dan penyimpanan naskah dinas elektronik.",
    "01.02", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2021, ACTIVE, KEEP, NULL,
    "Aplikasi Umum bidang kearsipan dinamis (KepmenPANRB 679/2020).",
    "https://srikandi.arsip.go.id", "Kearsipan dinamis;Tata naskah dinas", "Naskah dinas;Disposisi", "Naskah dinas elektronik bertanda tangan elektronik" },
  { "Dinkominfo", NULL, "SP4N-LAPOR!",
    "Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional; kanal pengaduan masyarakat yang dikelola bersama KemenPANRB, KSP dan Ombudsman.",
    "Menerima, meneruskan dan menindaklanjuti pengaduan masyarakat.",
    "01.01", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2019, ACTIVE, KEEP, NULL, NULL,
    "https://www.lapor.go.id", "Pengaduan pelayanan publik", "Laporan pengaduan;Data pelapor", "Tindak lanjut pengaduan" },
  { "Bappeda", NULL, "SIPD Perencanaan",
    "Sistem Informasi Pemerintahan Daerah (Kemendagri) modul perencanaan pembangunan daerah.",
    "Penyusunan RPJMD, RKPD dan Renja perangkat daerah.",
    "01.02", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2021, ACTIVE, KEEP, NULL, NULL,
    "https://sipd.kemendagri.go.id", "Perencanaan pembangunan daerah", "Program dan kegiatan;Indikator kinerja", "Dokumen RKPD" },
  { "BPPKAD", NULL, "SIPD Penatausahaan Keuangan",
    "Modul penganggaran dan penatausahaan keuangan daerah dalam SIPD Kemendagri.",
    "Penyusunan APBD, SPD, SPP, SPM dan SP2D.",
    "01.02", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2022, ACTIVE, KEEP, NULL, NULL,
    "https://sipd.kemendagri.go.id", "Penganggaran;Penatausahaan keuangan", "APBD;DPA;SP2D", "Laporan realisasi anggaran" },
  { "Setda", NULL, "SPSE",
    "Sistem Pengadaan Secara Elektronik LKPP yang dioperasikan Bagian Pengadaan Barang dan Jasa.",
    "Tender dan seleksi pengadaan barang/jasa secara elektronik.",
    "01.02", UMUM, WEB, PROPRIETARY, STACK_NONE, 2012, ACTIVE, KEEP, NULL, NULL,
    "https://spse.inaproc.id/blorakab", "Pengadaan barang dan jasa", "Paket pengadaan;Penyedia", "Berita acara hasil pemilihan" },
  { "Setda", NULL, "SiRUP",
    "Sistem Informasi Rencana Umum Pengadaan dari LKPP.",
    "Pengumuman rencana umum pengadaan perangkat daerah.",
    "01.02", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2015, ACTIVE, KEEP, NULL, NULL,
    "https://sirup.lkpp.go.id", "Pengadaan barang dan jasa", "Rencana umum pengadaan", "Pengumuman RUP" },
  { "BKPSDM", NULL, "SIASN",
    "Sistem Informasi Aparatur Sipil Negara dari BKN.",
    "Pengelolaan data dan layanan kepegawaian ASN secara nasional.",
    "01.02", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2022, ACTIVE, KEEP, NULL, NULL,
    "https://siasn.bkn.go.id", "Layanan kepegawaian", "Data ASN;Riwayat jabatan", "Data kepegawaian terverifikasi" },
  { "BKPSDM", NULL, "e-Kinerja BKN",
    "Aplikasi penilaian kinerja ASN dari BKN.",
    "Penyusunan SKP dan penilaian kinerja pegawai.",
    "01.02", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2023, ACTIVE, KEEP, NULL, NULL,
    "https://kinerja.bkn.go.id", "Kinerja pegawai", "SKP;Realisasi kinerja", "Penilaian kinerja pegawai" },
  { "Dindukcapil", NULL, "SIAK Terpusat",
    "Sistem Informasi Administrasi Kependudukan terpusat dari Ditjen Dukcapil Kemendagri.",
    "Pendaftaran penduduk dan pencatatan sipil.",
    "01.01", UMUM, DESKTOP, PROPRIETARY, STACK_NONE, 2019, ACTIVE, KEEP, NULL, NULL,
    NULL, "KTP-el;Kartu Keluarga;Akta pencatatan sipil", "Data kependudukan", "Dokumen kependudukan" },
  { "DPMPTSP", NULL, "OSS-RBA",
    "Online Single Submission berbasis risiko dari Kementerian Investasi/BKPM.",
    "Penerbitan NIB dan perizinan berusaha berbasis risiko.",
    "01.01", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2021, ACTIVE, KEEP, NULL, NULL,
    "https://oss.go.id", "Perizinan berusaha", "Data pelaku usaha;KBLI", "Nomor Induk Berusaha" },
  { "DPUPR", NULL, "SIMBG",
    "Sistem Informasi Manajemen Bangunan Gedung dari Kementerian PUPR.",
    "Permohonan dan penerbitan Persetujuan Bangunan Gedung (PBG) dan SLF.",
    "01.01", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2021, ACTIVE, KEEP, NULL, NULL,
    "https://simbg.pu.go.id", "Persetujuan Bangunan Gedung", "Data bangunan;Dokumen teknis", "PBG dan SLF" },
  { "Dinsos P3A", NULL, "SIKS-NG",
    "Sistem Informasi Kesejahteraan Sosial Next Generation dari Kemensos.",
    "Pemutakhiran Data Terpadu Kesejahteraan Sosial (DTKS).",
    "01.01", UMUM, WEB, PROPRIETARY, STACK_NONE, 2019, ACTIVE, KEEP, NULL, NULL,
    NULL, "Bantuan sosial", "DTKS", "Usulan penerima bantuan" },
  { "Disdik", NULL, "Dapodik",
    "Data Pokok Pendidikan dari Kemendikbudristek.",
    "Pendataan satuan pendidikan, peserta didik dan PTK.",
    "01.01", UMUM, DESKTOP, PROPRIETARY, STACK_NONE, 2013, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pendataan pendidikan", "Data sekolah;Data siswa;Data guru", "Data pokok pendidikan" },
  { "Setda", NULL, "JDIH Kabupaten Blora",
    "Jaringan Dokumentasi dan Informasi Hukum Bagian Hukum, terhubung ke JDIHN.",
    "Publikasi peraturan daerah, peraturan bupati dan keputusan bupati.",
    "01.01", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2018, ACTIVE, KEEP, NULL, NULL,
    NULL, "Dokumentasi hukum", "Produk hukum daerah", "Katalog produk hukum" },

  /* Local applications that duplicate a national one. */
  { "BKPSDM", "Dinkominfo", "SIMPEG Blora",
    "Sistem informasi manajemen kepegawaian lokal: data pegawai, riwayat pangkat dan cuti.",
    "Pengelolaan data dan layanan kepegawaian.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2014, ACTIVE, INTEGRATE, "SIASN",
    "Data pegawai disinkronkan ke SIASN; modul cuti dipertahankan sampai tersedia di SIASN.",
    NULL, "Layanan kepegawaian;Cuti pegawai", "Data ASN;Riwayat pangkat", "Data kepegawaian" },
  { "BKPSDM", "Dinkominfo", "e-Kinerja Blora",
    "Aplikasi kinerja harian pegawai buatan sendiri sebelum e-Kinerja BKN.",
    "Pencatatan aktivitas harian dan penilaian SKP pegawai.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2018, ACTIVE, RETIRE, "e-Kinerja BKN",
    "Dihentikan setelah seluruh OPD memakai e-Kinerja BKN.",
    NULL, "Kinerja pegawai", "SKP;Aktivitas harian", "Rekap kinerja" },
  { "BKPSDM", "Dinkominfo", "Absensi ASN Online",
    "Presensi pegawai berbasis lokasi melalui ponsel.",
    "Presensi harian ASN dan rekap kehadiran untuk TPP.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_ANDROID, 2020, ACTIVE, KEEP, NULL, NULL,
    NULL, "Kehadiran pegawai", "Data ASN;Lokasi kantor", "Rekap kehadiran" },
  { "Dinkominfo", "Dinkominfo", "Gardu Lapor Mas Arief",
    "Aplikasi Android pengaduan masyarakat Kabupaten Blora.",
    "Menerima pengaduan warga beserta foto dan lokasi, diteruskan ke OPD terkait.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_ANDROID, 2022, ACTIVE, INTEGRATE, "SP4N-LAPOR!",
    "Pengaduan diteruskan otomatis ke SP4N-LAPOR! agar tercatat nasional.",
    NULL, "Pengaduan pelayanan publik", "Laporan pengaduan;Foto;Lokasi", "Tindak lanjut pengaduan" },
  { "Setda", "Dinkominfo", "E-Surat Setda",
    "Aplikasi surat masuk dan keluar Bagian Umum Sekretariat Daerah.",
    "Pencatatan surat masuk, surat keluar dan disposisi.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2016, INACTIVE, RETIRE, "SRIKANDI",
    "Diganti SRIKANDI sejak 2023.",
    NULL, "Kearsipan dinamis", "Naskah dinas", "Agenda surat" },
  { "Bappeda", NULL, "e-Office Bappeda",
    "Aplikasi tata naskah dan agenda surat Bappeda.",
    "Pengelolaan surat masuk, surat keluar dan disposisi.",
    "02.02", KHUSUS, WEB, PROPRIETARY, STACK_YII, 2017, ACTIVE, RETIRE, "SRIKANDI",
    "Arsip lama dimigrasikan ke SRIKANDI sebelum dihentikan.",
    NULL, "Kearsipan dinamis", "Naskah dinas", "Agenda surat" },
  { "Dinkes", NULL, "SIMARSIP Dinkes",
    "Sistem informasi arsip surat Dinas Kesehatan.",
    "Pencatatan dan penyimpanan arsip surat dinas.",
    "02.02", KHUSUS, WEB, PROPRIETARY, STACK_CODEIGNITER, 2019, ACTIVE, RETIRE, "SRIKANDI", NULL,
    NULL, "Kearsipan dinamis", "Naskah dinas", "Daftar arsip" },
  { "Dinsos P3A", "Dinkominfo", "Sistem Informasi Pengaduan Masyarakat (SIPEMAS)",
    "Pengaduan masyarakat terkait bantuan sosial.",
    "Menerima dan menindaklanjuti pengaduan bantuan sosial.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2020, ACTIVE, INTEGRATE, "SP4N-LAPOR!", NULL,
    NULL, "Pengaduan pelayanan publik", "Laporan pengaduan", "Tindak lanjut pengaduan" },
  { "DPUPR", "Dinkominfo", "Sistem Informasi Pengaduan Masyarakat (SIPEMAS) DPUPR",
    "Pengaduan masyarakat tentang jalan, jembatan dan drainase.",
    "Menerima dan menindaklanjuti pengaduan infrastruktur.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, INTEGRATE, "SP4N-LAPOR!", NULL,
    NULL, "Pengaduan pelayanan publik", "Laporan pengaduan;Lokasi", "Tindak lanjut pengaduan" },
  { "RSUD", NULL, "Pengaduan Pasien RSUD",
    "Formulir pengaduan dan saran pasien rumah sakit.",
    "Menerima pengaduan dan saran pasien.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2019, ACTIVE, INTEGRATE, "SP4N-LAPOR!", NULL,
    NULL, "Pengaduan pelayanan publik", "Laporan pengaduan", "Tindak lanjut pengaduan" },

  /* The application each unit runs for itself. */
  { "Setda", "Dinkominfo", "e-SAKIP Blora",
    "Sistem akuntabilitas kinerja instansi pemerintah Bagian Organisasi.",
    "Penyusunan perjanjian kinerja, pengukuran dan pelaporan kinerja OPD.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2019, ACTIVE, KEEP, NULL, NULL,
    NULL, "Akuntabilitas kinerja", "Perjanjian kinerja;Indikator kinerja", "LKjIP" },
  { "Setda", "Dinkominfo", "SIMONEV Pembangunan",
    "Pemantauan realisasi fisik dan keuangan kegiatan pembangunan.",
    "Pelaporan progres kegiatan OPD setiap bulan.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2020, ACTIVE, INTEGRATE, "SIPD Perencanaan",
    "Data realisasi diambil dari SIPD, aplikasi tinggal dasbor.",
    NULL, "Pemantauan dan evaluasi", "Realisasi fisik;Realisasi keuangan", "Laporan monev" },
  { "Setda", "Dinkominfo", "Sistem Informasi Protokol dan Agenda Pimpinan",
    "Agenda kegiatan Bupati, Wakil Bupati dan Sekda.",
    "Penjadwalan agenda dan undangan pimpinan.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Keprotokolan", "Agenda;Undangan", "Jadwal pimpinan" },
  { "Setwan", "Dinkominfo", "e-Persidangan DPRD",
    "Jadwal sidang, risalah dan produk DPRD.",
    "Publikasi jadwal rapat dan risalah sidang DPRD.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Persidangan DPRD", "Jadwal sidang;Risalah", "Risalah sidang" },
  { "Setwan", NULL, "Aspirasi Masyarakat DPRD",
    "Penyampaian aspirasi masyarakat kepada anggota DPRD.",
    "Menerima aspirasi dan pengaduan masyarakat untuk DPRD.",
    "02.02", KHUSUS, WEB, PROPRIETARY, STACK_CODEIGNITER, 2020, INACTIVE, INTEGRATE, "SP4N-LAPOR!", NULL,
    NULL, "Pengaduan pelayanan publik", "Aspirasi masyarakat", "Rekap aspirasi" },
  { "Inspektorat", "Dinkominfo", "SIWAS Inspektorat",
    "Sistem informasi pengawasan: rencana audit, temuan dan tindak lanjut.",
    "Pemantauan tindak lanjut hasil pemeriksaan.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pengawasan internal", "Temuan pemeriksaan;Rekomendasi", "Laporan hasil pengawasan" },
  { "Inspektorat", NULL, "Whistleblowing System Blora",
    "Pelaporan dugaan pelanggaran oleh ASN secara rahasia.",
    "Menerima laporan pelanggaran dan menjaga kerahasiaan pelapor.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2020, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pengawasan internal", "Laporan pelanggaran", "Tindak lanjut laporan" },
  { "Bappeda", "Dinkominfo", "Musrenbang Online",
    "Usulan musyawarah perencanaan pembangunan dari desa dan kecamatan.",
    "Input dan verifikasi usulan musrenbang berjenjang.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2019, ACTIVE, INTEGRATE, "SIPD Perencanaan",
    "Usulan dikirim ke modul usulan SIPD.",
    NULL, "Perencanaan pembangunan daerah", "Usulan musrenbang", "Daftar usulan prioritas" },
  { "Bappeda", "Bappeda", "Sistem Informasi Pembangunan Daerah (SIPD) Lokal",
    "Aplikasi perencanaan buatan Bappeda sebelum SIPD Kemendagri.",
    "Penyusunan RKPD dan Renja.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2016, RETIRED, RETIRE, "SIPD Perencanaan",
    "Dihentikan sejak penyusunan RKPD 2022 memakai SIPD.",
    NULL, "Perencanaan pembangunan daerah", "Program dan kegiatan", "Dokumen RKPD" },
  { "Bappeda", "Dinkominfo", "Satu Data Blora",
    "Portal data terbuka Kabupaten Blora bersama walidata Dinkominfo.",
    "Publikasi dataset sektoral dan metadata perangkat daerah.",
    "01.01", KHUSUS, WEB, OPEN, STACK_DJANGO, 2022, ACTIVE, KEEP, NULL, NULL,
    NULL, "Data terbuka", "Dataset sektoral;Metadata", "Dataset terbuka" },
  { "BPPKAD", NULL, "SIMDA BMD",
    "Aplikasi pengelolaan barang milik daerah dari BPKP.",
    "Pencatatan, mutasi dan penyusutan aset daerah.",
    "02.02", KHUSUS, DESKTOP, PROPRIETARY, STACK_DOTNET, 2015, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pengelolaan barang milik daerah", "Kartu inventaris barang", "Laporan BMD" },
  { "BPPKAD", "Dinkominfo", "e-PBB Blora",
    "Informasi tagihan dan pembayaran Pajak Bumi dan Bangunan Perdesaan dan Perkotaan.",
    "Cek tagihan, cetak SPPT dan riwayat pembayaran PBB-P2.",
    "01.01", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2020, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pajak daerah", "Objek pajak;SPPT", "Informasi tagihan PBB" },
  { "BPPKAD", NULL, "e-BPHTB",
    "Pelaporan dan validasi Bea Perolehan Hak atas Tanah dan Bangunan oleh PPAT.",
    "Validasi BPHTB secara daring.",
    "01.01", KHUSUS, WEB, PROPRIETARY, STACK_YII, 2019, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pajak daerah", "Transaksi BPHTB", "Bukti validasi BPHTB" },
  { "BPPKAD", NULL, "e-Pajak Daerah",
    "Pelaporan pajak hotel, restoran, hiburan dan reklame.",
    "Pendaftaran wajib pajak dan pelaporan omzet.",
    "01.01", KHUSUS, WEB, PROPRIETARY, STACK_YII, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pajak daerah", "Wajib pajak;Omzet", "SKPD pajak" },
  { "BKPSDM", "Dinkominfo", "Sistem Informasi Diklat ASN",
    "Pendaftaran dan rekap pengembangan kompetensi ASN.",
    "Pengelolaan pelatihan dan jam pelajaran pengembangan kompetensi.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2022, DEVEL, UNDECIDED, NULL, NULL,
    NULL, "Pengembangan kompetensi", "Data ASN;Riwayat diklat", "Rekap JP pelatihan" },
  { "Dinkominfo", "Dinkominfo", "Portal Resmi Pemerintah Kabupaten Blora",
    "Situs resmi berita dan informasi Pemkab Blora.",
    "Publikasi berita, pengumuman dan profil daerah.",
    "01.01", KHUSUS, WEB, OPEN, STACK_WORDPRESS, 2015, ACTIVE, KEEP, NULL, NULL,
    "https://blorakab.go.id", "Informasi publik", "Berita;Pengumuman", "Berita daerah" },
  { "Dinkominfo", "Dinkominfo", "PPID Kabupaten Blora",
    "Layanan informasi publik Pejabat Pengelola Informasi dan Dokumentasi.",
    "Permohonan informasi, keberatan dan daftar informasi publik.",
    "01.01", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2019, ACTIVE, KEEP, NULL, NULL,
    NULL, "Informasi publik", "Permohonan informasi;DIP", "Jawaban permohonan informasi" },
  { "Dinkominfo", "Dinkominfo", "Blora Single Sign On",
    "Satu akun ASN untuk seluruh aplikasi Pemkab Blora.",
    "Autentikasi terpusat dan manajemen akun aplikasi.",
    "02.02", KHUSUS, WEB, OPEN, STACK_GIN, 2023, ACTIVE, KEEP, NULL, NULL,
    NULL, "Autentikasi", "Akun pengguna", "Token akses" },
  { "Dinkominfo", "Dinkominfo", "Sistem Penghubung Layanan Blora",
    "API gateway antar-aplikasi perangkat daerah dan ke SPLP nasional.",
    "Pertukaran data antar-aplikasi melalui API.",
    "02.02", KHUSUS, CLOUD, OPEN, STACK_GIN, 2023, DEVEL, KEEP, NULL, NULL,
    NULL, "Interoperabilitas", "Katalog API", "Layanan API" },
  { "Dinkominfo", "Dinkominfo", "Helpdesk TIK",
    "Tiket permintaan layanan dan gangguan TIK dari OPD.",
    "Pencatatan, penugasan dan penyelesaian tiket layanan TIK.",
    "02.02", KHUSUS, WEB, OPEN, STACK_DJANGO, 2022, ACTIVE, KEEP, NULL, NULL,
    NULL, "Manajemen layanan SPBE", "Tiket layanan", "Laporan SLA" },
  { "Dinkominfo", "Dinkominfo", "Blora Smart City Dashboard",
    "Dasbor indikator kota cerdas dan CCTV publik.",
    "Visualisasi data layanan dan pemantauan CCTV.",
    "02.02", KHUSUS, WEB, OPEN, STACK_EXPRESS, 2021, INACTIVE, UNDECIDED, NULL, NULL,
    NULL, "Pemantauan", "Dataset sektoral;CCTV", "Dasbor" },
  { "Dindukcapil", "Dindukcapil", "Warung Pakde",
    "Layanan administrasi kependudukan di desa/kelurahan: operator desa mengirim berkas daring.",
    "Pengajuan dokumen kependudukan dari desa dan pengiriman hasil dalam PDF.",
    "01.01", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "KTP-el;Kartu Keluarga;Akta pencatatan sipil", "Berkas permohonan;Data kependudukan", "Dokumen kependudukan PDF" },
  { "Dindukcapil", "Dindukcapil", "Antrian Online Dindukcapil",
    "Pengambilan nomor antrean layanan Dindukcapil dan MPP.",
    "Reservasi jadwal layanan tatap muka.",
    "01.01", KHUSUS, MOBILE, OPEN, STACK_FLUTTER, 2022, ACTIVE, KEEP, NULL, NULL,
    NULL, "Antrean layanan", "Jadwal layanan", "Nomor antrean" },
  { "Dindukcapil", NULL, "Sistem Informasi Pengaduan Masyarakat (SIPEMAS) Dukcapil",
    "Pengaduan layanan kependudukan.",
    "Menerima dan menindaklanjuti pengaduan layanan adminduk.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2020, INACTIVE, RETIRE, "SP4N-LAPOR!", NULL,
    NULL, "Pengaduan pelayanan publik", "Laporan pengaduan", "Tindak lanjut pengaduan" },
  { "DPMPTSP", "Dinkominfo", "SIMPATIK Blora",
    "Sistem informasi perizinan non-berusaha: reklame, SIP tenaga kesehatan dan lainnya.",
    "Pengajuan, pelacakan dan penerbitan izin daerah.",
    "01.01", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2019, ACTIVE, KEEP, NULL, NULL,
    NULL, "Perizinan non-berusaha", "Berkas izin", "Surat izin" },
  { "DPMPTSP", NULL, "Antrian MPP Blora",
    "Antrean terpadu Mal Pelayanan Publik Blora untuk seluruh gerai.",
    "Pengambilan nomor antrean dan pemanggilan di MPP.",
    "01.01", KHUSUS, DESKTOP, PROPRIETARY, STACK_DOTNET, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Antrean layanan", "Data kunjungan", "Nomor antrean" },
  { "DPMPTSP", "Dinkominfo", "Survei Kepuasan Masyarakat (SKM) Online",
    "Survei kepuasan layanan publik sesuai PermenPANRB 14/2017.",
    "Pengumpulan dan rekap indeks kepuasan masyarakat.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Survei kepuasan", "Jawaban survei", "Indeks kepuasan masyarakat" },
  { "Dinkes", NULL, "SIMPUS Blora",
    "Sistem informasi manajemen puskesmas, terhubung ke P-Care BPJS Kesehatan.",
    "Pendaftaran pasien, rekam medis dan pelaporan puskesmas.",
    "02.02", KHUSUS, WEB, PROPRIETARY, STACK_CODEIGNITER, 2017, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pelayanan kesehatan dasar", "Rekam medis;Data pasien", "Laporan puskesmas" },
  { "Dinkes", "Dinkes", "SI Gizi Balita",
    "Pemantauan status gizi dan stunting balita dari posyandu.",
    "Pencatatan penimbangan dan intervensi stunting.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_FLUTTER, 2022, ACTIVE, INTEGRATE, "e-PPGBM",
    "Data dikirim ke e-PPGBM Kemenkes agar tidak input ganda.",
    NULL, "Pelayanan kesehatan dasar", "Data balita;Hasil penimbangan", "Peta stunting" },
  { "Dinkes", "Dinkominfo", "Absensi Online Dinkes",
    "Presensi pegawai Dinas Kesehatan dan puskesmas.",
    "Presensi harian dan rekap kehadiran.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_ANDROID, 2020, ACTIVE, INTEGRATE, "@Absensi ASN Online", NULL,
    NULL, "Kehadiran pegawai", "Data pegawai;Lokasi kantor", "Rekap kehadiran" },
  { "RSUD", NULL, "SIMRS RSUD Dr. R. Soetijono",
    "Sistem informasi manajemen rumah sakit.",
    "Pendaftaran, rekam medis elektronik, farmasi, billing dan klaim BPJS.",
    "02.02", KHUSUS, WEB, PROPRIETARY, STACK_SPRING, 2018, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pelayanan kesehatan rujukan", "Rekam medis;Tagihan", "Klaim BPJS;Laporan RL" },
  { "RSUD", NULL, "Absensi Pegawai RSUD",
    "Presensi pegawai rumah sakit dengan mesin sidik jari.",
    "Presensi harian dan rekap kehadiran.",
    "02.02", KHUSUS, DESKTOP, PROPRIETARY, STACK_DOTNET, 2016, ACTIVE, INTEGRATE, "@Absensi ASN Online", NULL,
    NULL, "Kehadiran pegawai", "Data pegawai", "Rekap kehadiran" },
  { "Disdik", "Dinkominfo", "PPDB Online Blora",
    "Penerimaan peserta didik baru jenjang SD dan SMP negeri.",
    "Pendaftaran, seleksi zonasi dan pengumuman PPDB.",
    "01.01", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2019, ACTIVE, KEEP, NULL, NULL,
    NULL, "Penerimaan peserta didik", "Data calon siswa;Zonasi", "Pengumuman hasil seleksi" },
  { "Disdik", "Dinkominfo", "Absensi Online Disdik",
    "Presensi pegawai Dinas Pendidikan dan guru ASN.",
    "Presensi harian dan rekap kehadiran.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_ANDROID, 2021, ACTIVE, INTEGRATE, "@Absensi ASN Online", NULL,
    NULL, "Kehadiran pegawai", "Data pegawai;Lokasi kantor", "Rekap kehadiran" },
  { "DPUPR", "DPUPR", "SIJALI (Sistem Informasi Jalan dan Jembatan)",
    "Basis data kondisi jalan dan jembatan kabupaten.",
    "Inventarisasi ruas jalan, survei kondisi dan prioritas penanganan.",
    "02.02", KHUSUS, WEB, OPEN, STACK_DJANGO, 2020, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pengelolaan jalan", "Ruas jalan;Kondisi jalan", "Peta kondisi jalan" },
  { "DPUPR", "DPUPR", "GIS Tata Ruang Blora",
    "Peta RTRW dan informasi kesesuaian tata ruang.",
    "Informasi pola ruang dan KKPR.",
    "01.01", KHUSUS, WEB, OPEN, STACK_DJANGO, 2022, ACTIVE, KEEP, NULL, NULL,
    NULL, "Tata ruang", "Peta pola ruang", "Informasi tata ruang" },
  { "DPUPR", "Dinkominfo", "Absensi Online DPUPR",
    "Presensi pegawai dan tenaga lapangan DPUPR.",
    "Presensi harian dan rekap kehadiran.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_ANDROID, 2021, ACTIVE, INTEGRATE, "@Absensi ASN Online", NULL,
    NULL, "Kehadiran pegawai", "Data pegawai", "Rekap kehadiran" },
  { "Dinsos P3A", "Dinkominfo", "SIDATA Sosial Blora",
    "Data lokal penerima bantuan sosial daerah.",
    "Pencatatan usulan dan penyaluran bantuan sosial daerah.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, INTEGRATE, "SIKS-NG", NULL,
    NULL, "Bantuan sosial", "DTKS;Penerima bantuan", "Daftar penerima bantuan" },
  { "Dinsos P3A", NULL, "SIMFONI PPA",
    "Sistem informasi online perlindungan perempuan dan anak dari KemenPPPA.",
    "Pencatatan kasus kekerasan terhadap perempuan dan anak.",
    "01.01", UMUM, CLOUD, PROPRIETARY, STACK_NONE, 2020, ACTIVE, KEEP, NULL, NULL,
    NULL, "Perlindungan perempuan dan anak", "Data kasus", "Laporan kasus" },
  { "Dinperinnaker", "Dinkominfo", "Bursa Kerja Online Blora",
    "Lowongan kerja dan pendaftaran pencari kerja (kartu AK/I).",
    "Publikasi lowongan dan penerbitan kartu pencari kerja.",
    "01.01", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2020, ACTIVE, INTEGRATE, "SIAPkerja",
    "Pencari kerja diarahkan ke SIAPkerja Kemnaker.",
    NULL, "Penempatan tenaga kerja", "Pencari kerja;Lowongan", "Kartu AK/I" },
  { "Dindagkop UKM", "Dinkominfo", "SI UMKM Blora",
    "Pendataan usaha mikro, kecil dan menengah.",
    "Pendataan, pembinaan dan promosi produk UMKM.",
    "02.02", KHUSUS, WEB, OPEN, STACK_LARAVEL, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pemberdayaan UMKM", "Data UMKM", "Katalog produk UMKM" },
  { "Dindagkop UKM", NULL, "SIHARGA Pasar Blora",
    "Informasi harga kebutuhan pokok di pasar tradisional.",
    "Pencatatan harian harga bahan pokok.",
    "01.01", KHUSUS, MOBILE, OPEN, STACK_FLUTTER, 2022, ACTIVE, KEEP, NULL, NULL,
    NULL, "Informasi harga", "Harga bahan pokok", "Grafik harga" },
  { "Distan", "Distan", "SIPETANI Blora",
    "Data kelompok tani, luas tanam dan kebutuhan pupuk bersubsidi.",
    "Pendataan petani dan rekap usulan RDKK.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2020, ACTIVE, KEEP, NULL, NULL,
    NULL, "Pertanian", "Kelompok tani;Luas tanam", "Rekap RDKK" },
  { "DLH", "Dinkominfo", "SI Bank Sampah",
    "Pencatatan setoran sampah dan tabungan bank sampah.",
    "Pengelolaan nasabah dan setoran bank sampah.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_FLUTTER, 2023, DEVEL, UNDECIDED, NULL, NULL,
    NULL, "Pengelolaan sampah", "Nasabah;Setoran sampah", "Rekap tonase" },
  { "DLH", NULL, "Pengaduan Lingkungan Hidup",
    "Pengaduan pencemaran dan kerusakan lingkungan.",
    "Menerima dan memverifikasi pengaduan lingkungan.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2019, INACTIVE, INTEGRATE, "SP4N-LAPOR!", NULL,
    NULL, "Pengaduan pelayanan publik", "Laporan pengaduan;Lokasi", "Berita acara verifikasi" },
  { "Dishub", "Dishub", "SI Uji KIR",
    "Pendaftaran dan hasil uji berkala kendaraan bermotor.",
    "Antrean uji, hasil uji dan penerbitan kartu uji.",
    "01.01", KHUSUS, DESKTOP, PROPRIETARY, STACK_DOTNET, 2018, ACTIVE, INTEGRATE, "BLUe Kemenhub", NULL,
    NULL, "Pengujian kendaraan", "Data kendaraan", "Kartu uji" },
  { "Satpol PP", "Dinkominfo", "SI Penegakan Perda",
    "Pencatatan patroli, pelanggaran perda dan tindak lanjutnya.",
    "Pelaporan kegiatan ketertiban umum.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_ANDROID, 2022, ACTIVE, KEEP, NULL, NULL,
    NULL, "Ketertiban umum", "Pelanggaran perda", "Laporan patroli" },
  { "BPBD", "Dinkominfo", "SI Kebencanaan Blora",
    "Laporan kejadian bencana dan peringatan dini banjir Bengawan Solo.",
    "Pelaporan kejadian, kaji cepat dan distribusi logistik.",
    "01.01", KHUSUS, WEB, OPEN, STACK_DJANGO, 2021, ACTIVE, KEEP, NULL, NULL,
    NULL, "Penanggulangan bencana", "Kejadian bencana;Logistik", "Laporan kejadian" },
};

/* Variants each kecamatan office runs; the name gets the kecamatan's. */
static const AppSpec kecamatan_app_specs[] = {
  { NULL, "Dinkominfo", "Website Kecamatan",
    "Situs profil dan berita kecamatan.",
    "Publikasi profil, berita dan layanan kecamatan.",
    "01.01", KHUSUS, WEB, OPEN, STACK_WORDPRESS, 2018, ACTIVE, KEEP, NULL, NULL,
    NULL, "Informasi publik", "Berita;Profil wilayah", "Berita kecamatan" },
  { NULL, "Dinkominfo", "Sistem Informasi Pelayanan Kecamatan",
    "Pelayanan surat keterangan dan legalisasi di kecamatan.",
    "Registrasi dan pelacakan berkas layanan kecamatan.",
    "02.02", KHUSUS, WEB, OPEN, STACK_CODEIGNITER, 2019, ACTIVE, UNDECIDED, NULL, NULL,
    NULL, "Pelayanan administrasi terpadu kecamatan", "Berkas permohonan", "Surat keterangan" },
  { NULL, NULL, "Arsip Surat Kecamatan",
    "Agenda surat masuk dan keluar kecamatan.",
    "Pencatatan surat masuk, surat keluar dan disposisi camat.",
    "02.02", KHUSUS, DESKTOP, PROPRIETARY, STACK_DOTNET, 2015, ACTIVE, RETIRE, "SRIKANDI", NULL,
    NULL, "Kearsipan dinamis", "Naskah dinas", "Agenda surat" },
  { NULL, NULL, "Absensi Perangkat Kecamatan",
    "Presensi pegawai kantor kecamatan.",
    "Presensi harian dan rekap kehadiran.",
    "02.02", KHUSUS, MOBILE, OPEN, STACK_ANDROID, 2021, ACTIVE, INTEGRATE, "@Absensi ASN Online", NULL,
    NULL, "Kehadiran pegawai", "Data pegawai", "Rekap kehadiran" },
};

/* ------------------------------------------------------------------------
 * Service types
 *
 * Standard days are working days. The sources name no fixed durations for
 * adminduk and perizinan in Blora (spbe.md §0.5); the figures below are demo
 * values, except the information request (UU 14/2008 Pasal 22: 10 working
 * days) and the complaint deadlines of SP4N-LAPOR! (5 and 14 days, §4.1).
 */

typedef struct
{
  const char        *code;
  const char        *name;
  PamongServiceKind  kind;
  const char        *unit;       /* short name; NULL: the applicant's kecamatan office */
  const char        *requirements;
  gint               standard_days;
  gint64             cost;
  const char        *legal_basis;
  const char        *description;
  guint              weight;     /* relative share of requests */
  const char        *requests;   /* ';'-separated request descriptions */
} ServiceSpec;

#define ADMINDUK_BASIS "UU 23/2006 tentang Administrasi Kependudukan sebagaimana diubah dengan UU 24/2013; Perpres 96/2018"
#define COMPLAINT_BASIS "Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik; PermenPANRB 3/2015"

static const ServiceSpec service_specs[] = {
  { "DUK-01", "Penerbitan KTP-el", PAMONG_SERVICE_KIND_REQUEST, "Dindukcapil",
    "Fotokopi Kartu Keluarga;Surat pengantar desa/kelurahan;KTP-el lama bila rusak atau berubah data",
    1, 0, ADMINDUK_BASIS, "Perekaman dan pencetakan KTP elektronik bagi penduduk berusia 17 tahun atau sudah kawin.", 22,
    "Perekaman KTP-el pertama, usia 17 tahun;KTP-el rusak, mohon dicetak ulang;KTP-el hilang, lampirkan surat kehilangan dari kepolisian;Perubahan status perkawinan pada KTP-el;Perubahan jenis pekerjaan pada KTP-el" },
  { "DUK-02", "Penerbitan Kartu Keluarga", PAMONG_SERVICE_KIND_REQUEST, "Dindukcapil",
    "Kartu Keluarga lama;Buku nikah/akta perkawinan;Surat pengantar desa/kelurahan",
    1, 0, ADMINDUK_BASIS, "Penerbitan KK baru, perubahan data dan penambahan anggota keluarga; hasil dikirim dalam bentuk PDF.", 20,
    "KK baru karena menikah;Penambahan anggota keluarga (kelahiran anak);Perubahan data pendidikan dan pekerjaan;Pisah KK dari orang tua;KK rusak, mohon cetak ulang" },
  { "DUK-03", "Akta Kelahiran", PAMONG_SERVICE_KIND_REQUEST, "Dindukcapil",
    "Surat keterangan lahir dari bidan/rumah sakit;Kartu Keluarga;KTP-el kedua orang tua;Buku nikah orang tua",
    1, 0, ADMINDUK_BASIS, "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran.", 14,
    "Akta kelahiran anak pertama;Akta kelahiran anak kedua;Akta kelahiran terlambat, usia anak 3 tahun;Akta kelahiran bayi lahir di RSUD" },
  { "DUK-04", "Akta Kematian", PAMONG_SERVICE_KIND_REQUEST, "Dindukcapil",
    "Surat keterangan kematian dari desa/kelurahan atau rumah sakit;Kartu Keluarga;KTP-el almarhum",
    1, 0, ADMINDUK_BASIS, "Pencatatan kematian, penerbitan akta kematian dan pemutakhiran KK.", 6,
    "Akta kematian orang tua;Akta kematian suami untuk keperluan pensiun janda;Akta kematian untuk klaim asuransi" },
  { "DUK-05", "Kartu Identitas Anak (KIA)", PAMONG_SERVICE_KIND_REQUEST, "Dindukcapil",
    "Kutipan akta kelahiran;Kartu Keluarga;KTP-el orang tua;Pas foto anak (usia 5 tahun ke atas)",
    1, 0, "Permendagri 2/2016 tentang Kartu Identitas Anak", "Penerbitan KIA bagi anak di bawah 17 tahun.", 7,
    "KIA untuk anak usia 6 tahun, syarat masuk SD;KIA anak usia 2 tahun;KIA hilang, mohon terbit ulang" },
  { "DUK-06", "Surat Keterangan Pindah Datang", PAMONG_SERVICE_KIND_REQUEST, "Dindukcapil",
    "Kartu Keluarga;KTP-el;Surat keterangan pindah dari daerah asal (untuk pindah datang)",
    3, 0, ADMINDUK_BASIS, "Penerbitan SKPWNI untuk pindah keluar dan pencatatan penduduk pindah datang.", 5,
    "Pindah keluar ke Kabupaten Grobogan;Pindah datang dari Kabupaten Bojonegoro;Pindah antar-kecamatan dalam Kabupaten Blora;Pindah keluar ke Kota Semarang karena pekerjaan" },
  { "PTS-01", "Persetujuan Bangunan Gedung (PBG)", PAMONG_SERVICE_KIND_REQUEST, "DPMPTSP",
    "Data pemohon dan bukti kepemilikan tanah;Gambar arsitektur dan struktur;KKPR;Dokumen lingkungan bila diwajibkan",
    28, 0, "PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung", "Persetujuan mendirikan, mengubah atau merawat bangunan gedung melalui SIMBG, diproses bersama DPUPR.", 3,
    "PBG rumah tinggal dua lantai;PBG toko dan gudang;PBG bangunan sekolah swasta;PBG tempat ibadah" },
  { "PTS-02", "Nomor Induk Berusaha (NIB) melalui OSS", PAMONG_SERVICE_KIND_REQUEST, "DPMPTSP",
    "KTP-el;NPWP;Alamat usaha;KBLI kegiatan usaha",
    1, 0, "PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko", "Pendampingan pendaftaran NIB usaha mikro dan kecil melalui OSS-RBA di MPP Blora.", 6,
    "NIB usaha warung makan;NIB usaha kerajinan kayu jati;NIB usaha bengkel motor;NIB toko kelontong;NIB usaha ternak sapi" },
  { "PTS-03", "Izin Reklame", PAMONG_SERVICE_KIND_REQUEST, "DPMPTSP",
    "KTP-el;NPWP;Desain dan ukuran reklame;Foto lokasi;Surat persetujuan pemilik lahan",
    5, 150000, "Peraturan Daerah Kabupaten Blora tentang Pajak Daerah dan Retribusi Daerah", "Izin penyelenggaraan reklame tetap dan insidentil.", 2,
    "Reklame papan nama toko;Baliho insidentil acara pameran;Reklame neon box di Jl. Pemuda" },
  { "PTS-04", "Surat Izin Praktik Tenaga Kesehatan", PAMONG_SERVICE_KIND_REQUEST, "DPMPTSP",
    "STR yang masih berlaku;Rekomendasi organisasi profesi;Surat keterangan tempat praktik;Pas foto",
    5, 0, "UU 17/2023 tentang Kesehatan", "Penerbitan SIP bidan, perawat, dokter dan tenaga kesehatan lain.", 2,
    "SIP bidan praktik mandiri;SIP perawat di klinik;SIP dokter umum di puskesmas" },
  { "PUR-01", "Informasi Kesesuaian Tata Ruang", PAMONG_SERVICE_KIND_REQUEST, "DPUPR",
    "KTP-el;Peta lokasi/titik koordinat;Bukti kepemilikan tanah",
    5, 0, "PP 21/2021 tentang Penyelenggaraan Penataan Ruang", "Informasi pola ruang dan kesesuaian kegiatan pemanfaatan ruang.", 2,
    "Informasi tata ruang untuk pembangunan perumahan;Cek zonasi lahan untuk gudang;Informasi pola ruang lahan pertanian" },
  { "SOS-01", "Surat Keterangan Terdaftar DTKS", PAMONG_SERVICE_KIND_REQUEST, "Dinsos P3A",
    "KTP-el;Kartu Keluarga;Surat pengantar desa/kelurahan",
    3, 0, "UU 13/2011 tentang Penanganan Fakir Miskin", "Surat keterangan terdaftar dalam Data Terpadu Kesejahteraan Sosial untuk keringanan biaya.", 5,
    "Keterangan DTKS untuk keringanan biaya sekolah;Keterangan DTKS untuk berobat di RSUD;Usulan masuk DTKS" },
  { "NAK-01", "Kartu Tanda Bukti Pencari Kerja (AK/I)", PAMONG_SERVICE_KIND_REQUEST, "Dinperinnaker",
    "KTP-el;Ijazah terakhir;Pas foto",
    1, 0, "Permenaker 39/2016 tentang Penempatan Tenaga Kerja", "Penerbitan kartu kuning bagi pencari kerja.", 5,
    "Kartu AK/I lulusan SMK;Kartu AK/I untuk melamar kerja di pabrik;Perpanjangan kartu AK/I" },
  { "DIK-01", "Surat Keterangan Pengganti Ijazah", PAMONG_SERVICE_KIND_REQUEST, "Disdik",
    "Surat kehilangan dari kepolisian;Fotokopi ijazah bila ada;Surat keterangan dari sekolah",
    7, 0, "Permendikbud 14/2017 tentang Ijazah dan Sertifikat Hasil Ujian Nasional", "Surat keterangan pengganti ijazah SD/SMP yang hilang atau rusak.", 2,
    "Ijazah SD hilang karena banjir;Ijazah SMP rusak dimakan rayap" },
  { "RS-01", "Permintaan Ringkasan Rekam Medis", PAMONG_SERVICE_KIND_REQUEST, "RSUD",
    "KTP-el pasien atau ahli waris;Surat kuasa bila diwakilkan",
    3, 0, "Permenkes 24/2022 tentang Rekam Medis", "Salinan ringkasan rekam medis untuk klaim asuransi atau rujukan.", 2,
    "Ringkasan rekam medis untuk klaim asuransi;Resume medis untuk rujukan ke RS Dr. Kariadi" },
  { "HUB-01", "Uji Berkala Kendaraan (KIR)", PAMONG_SERVICE_KIND_REQUEST, "Dishub",
    "STNK;Buku uji lama;Kendaraan dibawa ke tempat uji",
    1, 75000, "PP 55/2012 tentang Kendaraan", "Pengujian berkala kendaraan angkutan barang dan penumpang.", 3,
    "Uji KIR truk pengangkut kayu;Uji KIR pikap bak terbuka;Uji KIR angkutan pedesaan" },
  { "KEC-01", "Legalisasi dan Surat Keterangan Kecamatan", PAMONG_SERVICE_KIND_REQUEST, NULL,
    "KTP-el;Kartu Keluarga;Surat pengantar desa/kelurahan",
    1, 0, "PP 17/2018 tentang Kecamatan", "Legalisasi dokumen dan surat keterangan oleh camat.", 8,
    "Legalisasi surat keterangan ahli waris;Surat keterangan tidak mampu;Legalisasi surat jual beli tanah;Rekomendasi izin keramaian hajatan" },
  { "KIP-01", "Permohonan Informasi Publik", PAMONG_SERVICE_KIND_REQUEST, "Dinkominfo",
    "Identitas pemohon;Rincian informasi yang diminta;Tujuan penggunaan informasi",
    10, 0, "UU 14/2008 tentang Keterbukaan Informasi Publik", "Permohonan informasi kepada PPID Kabupaten Blora.", 2,
    "Permohonan salinan APBD tahun berjalan;Permohonan data jumlah penduduk per desa;Permohonan dokumen RKPD untuk penelitian skripsi" },
  { "ADU-01", "Pengaduan Pelayanan Publik", PAMONG_SERVICE_KIND_COMPLAINT, "Dinkominfo",
    "Identitas pelapor;Uraian pengaduan;Bukti pendukung bila ada",
    5, 0, COMPLAINT_BASIS, "Pengaduan lewat SP4N-LAPOR! dan Gardu Lapor Mas Arief, diteruskan ke OPD terkait.", 6,
    "Antrean layanan terlalu panjang;Petugas loket tidak ramah;Dokumen belum jadi melewati janji;Pungutan tidak resmi saat mengurus surat" },
  { "ADU-02", "Pengaduan Jalan dan Jembatan Rusak", PAMONG_SERVICE_KIND_COMPLAINT, "DPUPR",
    "Identitas pelapor;Foto kerusakan;Lokasi kerusakan",
    14, 0, COMPLAINT_BASIS, "Pengaduan kerusakan jalan dan jembatan kabupaten.", 5,
    "Jalan berlubang membahayakan pengendara;Jembatan desa retak setelah banjir;Drainase tersumbat, air meluap ke jalan" },
  { "ADU-03", "Pengaduan Lampu Penerangan Jalan Umum", PAMONG_SERVICE_KIND_COMPLAINT, "Dishub",
    "Identitas pelapor;Lokasi lampu",
    5, 0, COMPLAINT_BASIS, "Pengaduan lampu PJU padam atau rusak.", 3,
    "Lampu PJU padam sepanjang 200 meter;Tiang PJU miring hampir roboh" },
  { "ADU-04", "Pengaduan Pencemaran Lingkungan", PAMONG_SERVICE_KIND_COMPLAINT, "DLH",
    "Identitas pelapor;Uraian dan foto pencemaran;Lokasi",
    14, 0, COMPLAINT_BASIS, "Pengaduan pencemaran air, udara dan sampah liar.", 2,
    "Sampah liar di tepi sungai;Bau limbah dari usaha tahu;Asap pembakaran sampah setiap malam" },
};

/* ------------------------------------------------------------------------
 * People: fictional names from common Javanese and Indonesian names.
 */

static const char *male_given[] = {
  "Agus", "Bambang", "Budi", "Joko", "Slamet", "Sugeng", "Suparman", "Wahyu",
  "Eko", "Dwi", "Tri", "Hadi", "Heru", "Imam", "Iwan", "Supriyadi", "Sutrisno",
  "Teguh", "Wawan", "Yudi", "Rizky", "Fajar", "Dimas", "Bayu", "Arif",
  "Muhammad", "Ahmad", "Adi", "Andi", "Danang", "Ganang", "Galih", "Sigit",
  "Rudi", "Sri", "Catur", "Purnomo", "Kusnadi", "Mulyono", "Sukirno",
};
static const char *female_given[] = {
  "Siti", "Sri", "Dewi", "Endang", "Rini", "Wulan", "Yuliana", "Ratna", "Tutik",
  "Sumarni", "Suharti", "Lestari", "Puji", "Nur", "Indah", "Eka", "Ayu", "Dyah",
  "Novi", "Fitri", "Anisa", "Nadia", "Putri", "Retno", "Sulastri", "Murni",
  "Kartini", "Wahyuni", "Yanti", "Winarsih",
};
static const char *male_family[] = {
  "Santoso", "Wibowo", "Susanto", "Purnomo", "Hidayat", "Nugroho", "Setiawan",
  "Pratama", "Saputra", "Prasetyo", "Kurniawan", "Hartono", "Suryadi", "Widodo",
  "Sutanto", "Raharjo", "Gunawan", "Haryanto", "Firmansyah", "Wijaya",
};
static const char *female_family[] = {
  "Rahayu", "Lestari", "Wulandari", "Handayani", "Susanti", "Kusumawati",
  "Pratiwi", "Anggraini", "Puspitasari", "Maharani", "Setyaningsih", "Utami",
  "Wahyuningsih", "Rahmawati", "Safitri", "Purwanti",
};
static const char *streets[] = {
  "Jl. Pemuda", "Jl. Ahmad Yani", "Jl. Diponegoro", "Jl. Gatot Subroto",
  "Jl. Sudirman", "Jl. Pramuka", "Jl. Nusantara", "Jl. Halmahera", "Jl. Rajawali",
  "Jl. Kenanga", "Jl. Melati", "Jl. Cendana",
};
static const char *dukuh[] = {
  "Krajan", "Lor", "Kidul", "Wetan", "Kulon", "Tengah", "Ngasem", "Sawahan",
};
static const char *phone_prefixes[] = {
  "0812", "0813", "0821", "0822", "0852", "0853", "0856", "0857", "0858",
  "0877", "0878", "0881", "0895", "0896",
};
static const char *channels[] = {
  "loket Mal Pelayanan Publik Blora", "loket kecamatan", "layanan daring",
  "operator desa (Warung Pakde)", "Gardu Lapor Mas Arief",
};

/* ------------------------------------------------------------------------
 * SPBE self-assessments
 *
 * The levels of the 47 P59 indicators for 2022, 2023 and 2024. A domain's
 * index depends only on the sum of its levels, so build-aux/demo-spbe-levels.py
 * searched the sums (D1, D2, D3, Layanan A7 + A8): 22, 18, 13, 27 + 13 for
 * 2022; 36, 23, 19, 41 + 27 for 2023; 35, 26, 16, 42 + 26 for 2024; the sums
 * were then spread over the indicators by hand. With these the P59 calculator
 * gives
 * the published indices: 2,06 (2022, no domain figures published), 3,27
 * with domains 3,60 / 2,30 / 1,73 / 4,26 (2023) and 3,28 with 3,50 / 2,60 /
 * 1,45 / 4,25 (2024). tests/region/test-demo.c checks them with the
 * calculator; nothing here stores an index.
 */

typedef struct
{
  gint        year;
  double      target;
  guint8      levels[47];
} AssessmentSpec;

static const AssessmentSpec assessment_specs[] = {
  { 2022, 2.60, {
      3, 2, 2, 2, 3, 2, 2, 2, 2, 2,           /* D1 Kebijakan, 1–10 */
      2, 2, 2, 2, 2, 2, 1, 2, 2, 1,           /* D2 Tata Kelola, 11–20 */
      1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2,        /* D3 Manajemen, 21–31 */
      3, 3, 3, 3, 3, 2, 3, 3, 2, 2,           /* D4 Layanan, A7 32–41 */
      3, 2, 2, 2, 2, 2 } },                   /* D4 Layanan, A8 42–47 */
  { 2023, 3.00, {
      4, 4, 3, 4, 4, 3, 3, 4, 3, 4,
      3, 2, 3, 2, 2, 2, 2, 2, 3, 2,
      2, 2, 2, 2, 2, 2, 1, 2, 1, 1, 2,
      4, 4, 5, 4, 4, 4, 4, 4, 4, 4,
      5, 4, 5, 5, 4, 4 } },
  { 2024, 3.30, {
      4, 4, 3, 4, 4, 3, 3, 4, 3, 3,
      3, 3, 3, 2, 3, 2, 2, 3, 3, 2,
      2, 2, 2, 1, 2, 1, 1, 2, 1, 1, 1,
      4, 4, 5, 4, 5, 4, 4, 4, 4, 4,
      5, 4, 5, 4, 4, 4 } },
};

/* What the internal assessors point at, per indicator. */
static const char *indicator_evidence[47] = {
  "Peraturan Bupati tentang Arsitektur SPBE Kabupaten Blora",
  "Peraturan Bupati tentang Peta Rencana SPBE",
  "kebijakan manajemen data dan Satu Data Blora",
  "kebijakan pembangunan aplikasi SPBE dan standar pengembangan aplikasi",
  "kebijakan layanan pusat data daerah",
  "kebijakan jaringan intra pemerintah daerah",
  "kebijakan penggunaan sistem penghubung layanan",
  "kebijakan manajemen keamanan informasi",
  "kebijakan audit TIK",
  "Keputusan Bupati tentang Tim Koordinasi SPBE",
  "dokumen Arsitektur SPBE dan reviunya",
  "dokumen Peta Rencana SPBE dan pemantauannya",
  "keterpaduan rencana dan anggaran SPBE dalam RKPD dan DPA",
  "inovasi proses bisnis perangkat daerah",
  "pembangunan aplikasi sesuai standar dan repositori aplikasi",
  "layanan pusat data di Dinkominfo",
  "jaringan intra yang menghubungkan OPD dan kecamatan",
  "penggunaan sistem penghubung layanan antar-aplikasi",
  "rapat dan program kerja Tim Koordinasi SPBE",
  "kolaborasi penerapan SPBE dengan instansi lain",
  "penerapan manajemen risiko SPBE",
  "penerapan manajemen keamanan informasi",
  "penerapan manajemen data: daftar data, metadata dan walidata",
  "penerapan manajemen aset TIK",
  "pelatihan dan sertifikasi SDM TIK",
  "basis pengetahuan layanan TIK",
  "pengelolaan perubahan aplikasi dan layanan",
  "helpdesk TIK dan tingkat layanan",
  "audit infrastruktur SPBE",
  "audit aplikasi SPBE",
  "audit keamanan SPBE",
  "layanan perencanaan melalui SIPD",
  "layanan penganggaran melalui SIPD",
  "layanan keuangan melalui SIPD Penatausahaan",
  "layanan pengadaan melalui SPSE dan SiRUP",
  "layanan kepegawaian melalui SIASN dan SIMPEG Blora",
  "layanan kearsipan dinamis melalui SRIKANDI",
  "layanan pengelolaan barang milik daerah (SIMDA BMD)",
  "layanan pengawasan internal (SIWAS Inspektorat)",
  "layanan akuntabilitas kinerja (e-SAKIP Blora)",
  "layanan kinerja pegawai (e-Kinerja)",
  "layanan pengaduan melalui SP4N-LAPOR! dan Gardu Lapor Mas Arief",
  "layanan data terbuka (Satu Data Blora)",
  "JDIH Kabupaten Blora",
  "layanan publik sektor administrasi kependudukan (Warung Pakde)",
  "layanan publik sektor perizinan (OSS-RBA, SIMBG dan MPP)",
  "layanan publik sektor kesehatan (SIMPUS dan SIMRS)",
};

/* ------------------------------------------------------------------------
 * The generator
 */

typedef struct
{
  char       **descriptions;   /* the spec's request descriptions, split */
  guint        n_descriptions;
  PamongServiceType *type;     /* owned by the records array */
} ServiceInfo;

typedef struct
{
  PamongDemoSize   size;
  GRand           *rand;
  GRand           *uuid_rand;
  PamongRegion    *region;
  PamongFramework *framework;
  guint32          epoch_julian;

  GPtrArray       *units;
  GPtrArray       *applications;
  GPtrArray       *assessments;
  GPtrArray       *scores;
  GPtrArray       *service_types;
  GPtrArray       *requests;
  GPtrArray       *events;

  GHashTable      *unit_by_key;      /* short name or kecamatan code -> PamongUnit* */
  GHashTable      *app_by_name;      /* name -> PamongApplication* */
  GHashTable      *tracking_seq;     /* "SS-YYMMDD" -> count */
  GArray          *working_days;     /* guint32 julian days of the request period */
  ServiceInfo      services[G_N_ELEMENTS (service_specs)];
  char            *officers[24];
} Demo;

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->uuid_rand, g_rand_free);
  g_clear_object (&demo->region);
  g_clear_object (&demo->framework);
  g_clear_pointer (&demo->units, g_ptr_array_unref);
  g_clear_pointer (&demo->applications, g_ptr_array_unref);
  g_clear_pointer (&demo->assessments, g_ptr_array_unref);
  g_clear_pointer (&demo->scores, g_ptr_array_unref);
  g_clear_pointer (&demo->service_types, g_ptr_array_unref);
  g_clear_pointer (&demo->requests, g_ptr_array_unref);
  g_clear_pointer (&demo->events, g_ptr_array_unref);
  g_clear_pointer (&demo->unit_by_key, g_hash_table_unref);
  g_clear_pointer (&demo->app_by_name, g_hash_table_unref);
  g_clear_pointer (&demo->tracking_seq, g_hash_table_unref);
  g_clear_pointer (&demo->working_days, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (demo->services); i++)
    g_clear_pointer (&demo->services[i].descriptions, g_strfreev);
  for (guint i = 0; i < G_N_ELEMENTS (demo->officers); i++)
    g_clear_pointer (&demo->officers[i], g_free);
}

static guint
pick (Demo  *demo,
      guint  n)
{
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

#define PICK(demo, array) ((array)[pick ((demo), G_N_ELEMENTS (array))])

/* A version 4 uuid from the uuid stream; bytes assembled by shifts so the
 * result does not depend on the machine's byte order. */
static char *
demo_uuid (Demo *demo)
{
  guint8 b[16];

  for (guint i = 0; i < 4; i++)
    {
      guint32 r = g_rand_int (demo->uuid_rand);

      for (guint j = 0; j < 4; j++)
        b[i * 4 + j] = (r >> (8 * j)) & 0xff;
    }
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static guint32
julian (guint year,
        guint month,
        guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (&date);
}

/* Monday to Friday and not a national holiday or cuti bersama, from the
 * shipped holiday calendar (a year without data skips weekends only). */
static gboolean
is_working_day (guint32 julian_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);

  return pamong_calendar_is_working_day (pamong_calendar_get_default (), &date);
}

/* Seconds since the epoch of a julian day at a WIB time of day. */
static gint64
unix_at (Demo    *demo,
         guint32  julian_day,
         guint    wib_seconds)
{
  return ((gint64) julian_day - demo->epoch_julian) * SECONDS_PER_DAY + wib_seconds - WIB_OFFSET;
}

static guint32
julian_of_unix (Demo   *demo,
                gint64  unix_time)
{
  return (guint32) ((unix_time + WIB_OFFSET) / SECONDS_PER_DAY) + demo->epoch_julian;
}

/* Adds working days as due dates count them: weekends, national holidays
 * and cuti bersama skipped (pamong-calendar.h). */
static guint32
add_working_days (guint32 julian_day,
                  guint   n)
{
  while (n > 0)
    {
      julian_day++;
      if (is_working_day (julian_day))
        n--;
    }

  return julian_day;
}

static char *
format_date (guint32 julian_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

static void
demo_stamp (Demo         *demo,
            gpointer      record,
            gint64        created,
            gint64        updated)
{
  g_autofree char *uuid = demo_uuid (demo);
  g_autoptr(GDateTime) created_at = g_date_time_new_from_unix_utc (created);
  g_autoptr(GDateTime) updated_at = g_date_time_new_from_unix_utc (MAX (created, updated));

  pamong_record_set_uuid (PAMONG_RECORD (record), uuid);
  pamong_record_set_created_at (PAMONG_RECORD (record), created_at);
  pamong_record_set_updated_at (PAMONG_RECORD (record), updated_at);
}

static const char *
unit_uuid (Demo       *demo,
           const char *key)
{
  PamongUnit *unit = g_hash_table_lookup (demo->unit_by_key, key);

  g_assert (unit != NULL);

  return pamong_record_get_uuid (PAMONG_RECORD (unit));
}

static char *
person_name (Demo      *demo,
             PamongSex  sex)
{
  gboolean female = sex == PAMONG_SEX_FEMALE;
  const char *given = female ? PICK (demo, female_given) : PICK (demo, male_given);
  const char *family = female ? PICK (demo, female_family) : PICK (demo, male_family);

  /* Many Javanese have a single name; others a given and a second name. */
  if (chance (demo, 0.2))
    return g_strdup_printf ("%s %s", given, female ? PICK (demo, female_given) : PICK (demo, male_given));
  if (chance (demo, 0.15))
    return g_strdup (given);

  return g_strdup_printf ("%s %s", given, family);
}

/* ---- units */

static void
make_unit (Demo           *demo,
           const char     *code,
           const char     *name,
           const char     *short_name,
           PamongUnitKind  kind,
           const char     *key,
           guint           position)
{
  PamongUnit *unit = pamong_unit_new ();
  gint64 created = unix_at (demo, julian (2022, 1, 3), 8 * 3600 + position * 60);

  demo_stamp (demo, unit, created, created);
  pamong_unit_set_code (unit, code);
  pamong_unit_set_name (unit, name);
  pamong_unit_set_short_name (unit, short_name);
  pamong_unit_set_kind (unit, kind);

  g_ptr_array_add (demo->units, unit);
  g_hash_table_insert (demo->unit_by_key, (gpointer) key, unit);
}

static void
make_units (Demo *demo)
{
  guint position = 0;

  for (guint i = 0; i < G_N_ELEMENTS (unit_specs); i++)
    make_unit (demo, unit_specs[i].code, unit_specs[i].name, unit_specs[i].short_name,
               unit_specs[i].kind, unit_specs[i].short_name, position++);

  for (guint i = 0; i < pamong_region_get_n_kecamatan (demo->region); i++)
    {
      const PamongKecamatan *k = pamong_region_get_kecamatan (demo->region, i);
      g_autofree char *name = g_strdup_printf ("Kecamatan %s", pamong_kecamatan_get_name (k));
      g_autofree char *short_name = g_strdup_printf ("Kec. %s", pamong_kecamatan_get_name (k));

      make_unit (demo, pamong_kecamatan_get_code (k), name, short_name,
                 PAMONG_UNIT_KIND_KECAMATAN, pamong_kecamatan_get_code (k), position++);
    }
}

/* ---- applications */

static char *
slug (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p && out->len < 32; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static PamongApplication *
make_application (Demo          *demo,
                  const AppSpec *spec,
                  const char    *name,
                  PamongUnit    *operator,
                  gint           year)
{
  PamongApplication *app = pamong_application_new ();
  const Stack *stack = &stacks[spec->stack];
  g_auto(GStrv) services = g_strsplit (spec->services, ";", -1);
  g_auto(GStrv) data = g_strsplit (spec->data, ";", -1);
  g_autofree char *url = NULL;
  gint64 created = unix_at (demo, julian (2022, 2, 1) + pick (demo, 700), 8 * 3600 + pick (demo, 8 * 3600));
  gint64 updated = created + (gint64) pick (demo, 400) * SECONDS_PER_DAY;

  demo_stamp (demo, app, created, MIN (updated, DEMO_NOW_UNIX));
  pamong_application_set_name (app, name);
  pamong_application_set_description (app, spec->description);
  pamong_application_set_function (app, spec->function);
  pamong_application_set_reference_code (app, spec->reference_code);
  pamong_application_set_category (app, spec->category);
  pamong_application_set_basis (app, spec->basis);
  pamong_application_set_supported_services (app, (const char * const *) services);
  pamong_application_set_data_used (app, (const char * const *) data);
  pamong_application_set_outputs (app, spec->outputs);
  pamong_application_set_license (app, spec->license);
  pamong_application_set_programming_language (app, stack->language);
  pamong_application_set_framework (app, stack->framework);
  pamong_application_set_database (app, stack->database);
  pamong_application_set_operator_unit (app, pamong_record_get_uuid (PAMONG_RECORD (operator)));
  if (spec->developer != NULL)
    pamong_application_set_developer_unit (app, unit_uuid (demo, spec->developer));
  pamong_application_set_year_built (app, year);
  pamong_application_set_status (app, spec->status);
  pamong_application_set_plan (app, spec->plan);

  if (spec->stack == STACK_NONE)
    pamong_application_set_server (app, "Pusat Data Nasional (dikelola instansi pusat)");
  else if (spec->basis == PAMONG_APP_BASIS_DESKTOP)
    pamong_application_set_server (app, "Server lokal di kantor unit");
  else
    pamong_application_set_server (app, "Pusat Data Daerah Dinkominfo Blora");

  if (spec->url != NULL)
    url = g_strdup (spec->url);
  else if (spec->basis == PAMONG_APP_BASIS_WEB || spec->basis == PAMONG_APP_BASIS_CLOUD)
    {
      g_autofree char *name_slug = slug (name);

      url = g_strdup_printf ("https://%s.blorakab.go.id", name_slug);
    }
  pamong_application_set_url (app, url);

  if (spec->plan_target != NULL)
    {
      if (spec->plan_target[0] == '@')
        {
          PamongApplication *target = g_hash_table_lookup (demo->app_by_name, spec->plan_target + 1);

          g_assert (target != NULL);
          pamong_application_set_plan_target (app, pamong_record_get_uuid (PAMONG_RECORD (target)));
        }
      else
        {
          pamong_application_set_plan_target (app, spec->plan_target);
        }
    }
  if (spec->plan == PAMONG_APP_PLAN_INTEGRATE || spec->plan == PAMONG_APP_PLAN_RETIRE)
    {
      g_autofree char *plan_date = format_date (julian (2025 + pick (demo, 2), 1 + pick (demo, 12), 1));

      pamong_application_set_plan_date (app, plan_date);
    }
  pamong_application_set_plan_note (app, spec->plan_note);

  g_ptr_array_add (demo->applications, app);
  if (!g_hash_table_contains (demo->app_by_name, name))
    g_hash_table_insert (demo->app_by_name, g_strdup (name), app);

  return app;
}

static const AppSpec website_spec = {
  NULL, "Dinkominfo", "Website",
  "Situs resmi perangkat daerah: profil, berita, standar pelayanan dan informasi publik.",
  "Publikasi profil, berita dan informasi layanan.",
  "01.01", KHUSUS, WEB, OPEN, STACK_WORDPRESS, 2017, ACTIVE, KEEP, NULL, NULL,
  NULL, "Informasi publik", "Berita;Profil perangkat daerah", "Berita dan informasi layanan",
};

static void
make_applications (Demo *demo)
{
  guint n_base;

  for (guint i = 0; i < G_N_ELEMENTS (app_specs); i++)
    make_application (demo, &app_specs[i], app_specs[i].name,
                      g_hash_table_lookup (demo->unit_by_key, app_specs[i].unit),
                      app_specs[i].year);

  /* Every OPD keeps a WordPress site; Dinkominfo's is the regency portal. */
  for (guint i = 0; i < G_N_ELEMENTS (unit_specs); i++)
    {
      g_autofree char *name = NULL;

      if (g_str_equal (unit_specs[i].short_name, "Dinkominfo"))
        continue;
      name = g_strdup_printf ("Website %s", unit_specs[i].name);
      make_application (demo, &website_spec, name,
                        g_hash_table_lookup (demo->unit_by_key, unit_specs[i].short_name),
                        website_spec.year + (gint) pick (demo, 6));
    }

  /* The kecamatan offices run the same few applications, each its own. */
  for (guint i = 0; i < pamong_region_get_n_kecamatan (demo->region); i++)
    {
      const PamongKecamatan *k = pamong_region_get_kecamatan (demo->region, i);

      for (guint j = 0; j < G_N_ELEMENTS (kecamatan_app_specs); j++)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", kecamatan_app_specs[j].name,
                                                   pamong_kecamatan_get_name (k));

          make_application (demo, &kecamatan_app_specs[j], name,
                            g_hash_table_lookup (demo->unit_by_key, pamong_kecamatan_get_code (k)),
                            kecamatan_app_specs[j].year + (gint) pick (demo, 5));
        }
    }

  if (demo->size != PAMONG_DEMO_SIZE_BENCHMARK)
    return;

  /* The benchmark: variants of the catalogue spread over every unit. */
  n_base = demo->applications->len;
  for (guint i = 0; demo->applications->len < BENCHMARK_APPLICATIONS; i++)
    {
      const AppSpec *spec = &app_specs[pick (demo, G_N_ELEMENTS (app_specs))];
      PamongUnit *unit = g_ptr_array_index (demo->units, pick (demo, demo->units->len));
      g_autofree char *name = g_strdup_printf ("%s %s v%u", spec->name,
                                               pamong_unit_get_short_name (unit),
                                               2 + i / n_base);

      make_application (demo, spec, name, unit, spec->year + (gint) pick (demo, 4));
    }
}

/* ---- assessments */

static const char *process_phrases[] = {
  "masih dilaksanakan sewaktu-waktu tanpa perencanaan",
  "telah diterapkan di sebagian perangkat daerah",
  "telah ditetapkan dan diterapkan di seluruh perangkat daerah sesuai pedoman",
  "telah terpadu dan kontribusinya terhadap kinerja diukur melalui reviu dan evaluasi",
  "terus ditingkatkan berdasarkan hasil reviu dan evaluasi",
};
static const char *service_phrases[] = {
  "baru menyediakan informasi satu arah",
  "sudah melayani interaksi dua arah dengan pengguna",
  "sudah melayani transaksi secara elektronik dari awal hingga akhir",
  "sudah terintegrasi dan berkolaborasi dengan layanan SPBE lain",
  "terus disesuaikan dengan perubahan kebutuhan pengguna",
};

static gboolean
make_assessments (Demo    *demo,
                  GError **error)
{
  guint n = pamong_framework_get_n_indicators (demo->framework);

  if (n != 47)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK,
                   _("The demo assessments need the 47 indicators of PermenPANRB 59/2020; the framework has %u"),
                   n);
      return FALSE;
    }

  for (guint a = 0; a < G_N_ELEMENTS (assessment_specs); a++)
    {
      const AssessmentSpec *spec = &assessment_specs[a];
      PamongAssessment *assessment = pamong_assessment_new ();
      g_autofree char *title = g_strdup_printf ("Penilaian Mandiri SPBE Kabupaten Blora Tahun %d", spec->year);
      g_autofree char *assessor = person_name (demo, PAMONG_SEX_FEMALE);
      gint64 created = unix_at (demo, julian (spec->year, 3, 1), 9 * 3600);
      gint64 finished = unix_at (demo, julian (spec->year, 5, 31), 15 * 3600);

      demo_stamp (demo, assessment, created, finished);
      pamong_assessment_set_year (assessment, spec->year);
      pamong_assessment_set_framework (assessment, PAMONG_FRAMEWORK_DEFAULT_ID);
      pamong_assessment_set_title (assessment, title);
      pamong_assessment_set_status (assessment, PAMONG_REVIEW_STATUS_FINAL);
      pamong_assessment_set_target_index (assessment, spec->target);
      g_ptr_array_add (demo->assessments, assessment);

      for (guint i = 0; i < n; i++)
        {
          const PamongFwIndicator *indicator = pamong_framework_get_indicator (demo->framework, i);
          PamongIndicatorScore *score = pamong_indicator_score_new ();
          guint level;
          const PamongFwLevel *fw_level;
          const char *phrase;
          g_autofree char *justification = NULL;
          g_autofree char *by = NULL;

          if (indicator->number < 1 || indicator->number > 47)
            {
              g_object_unref (score);
              g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK,
                           _("The demo assessments need indicators numbered 1 to 47; the framework has %u"),
                           indicator->number);
              return FALSE;
            }

          level = spec->levels[indicator->number - 1];
          fw_level = pamong_framework_get_indicator_level (demo->framework, indicator, level);
          phrase = g_strcmp0 (indicator->scale_id, "service") == 0
            ? service_phrases[level - 1] : process_phrases[level - 1];
          justification = g_strdup_printf ("Tingkat %u (%s): %s %s. Bukti dukung tahun %d diunggah ke aplikasi evaluasi.",
                                           level, fw_level != NULL ? fw_level->name : "-",
                                           indicator_evidence[indicator->number - 1], phrase,
                                           spec->year);
          by = g_strdup_printf ("%s (Tim Asesor Internal)", assessor);

          demo_stamp (demo, score, created + (gint64) (i + 1) * 3600,
                      finished - (gint64) (n - i) * 60);
          pamong_indicator_score_set_assessment (score, pamong_record_get_uuid (PAMONG_RECORD (assessment)));
          pamong_indicator_score_set_indicator (score, (gint) indicator->number);
          pamong_indicator_score_set_level (score, (gint) level);
          pamong_indicator_score_set_justification (score, justification);
          pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_FINAL);
          pamong_indicator_score_set_assessor (score, by);
          g_ptr_array_add (demo->scores, score);
        }
    }

  return TRUE;
}

/* ---- service types */

static void
make_service_types (Demo *demo)
{
  gint64 created = unix_at (demo, julian (2023, 12, 1), 9 * 3600);

  for (guint i = 0; i < G_N_ELEMENTS (service_specs); i++)
    {
      const ServiceSpec *spec = &service_specs[i];
      PamongServiceType *type = pamong_service_type_new ();
      g_auto(GStrv) requirements = g_strsplit (spec->requirements, ";", -1);

      demo_stamp (demo, type, created + i * 60, created + i * 60);
      pamong_service_type_set_code (type, spec->code);
      pamong_service_type_set_name (type, spec->name);
      pamong_service_type_set_kind (type, spec->kind);
      /* Kecamatan services are coordinated by Setda (Bagian Pemerintahan);
       * each request goes to the applicant's kecamatan office. */
      pamong_service_type_set_unit (type, unit_uuid (demo, spec->unit != NULL ? spec->unit : "Setda"));
      pamong_service_type_set_requirements (type, (const char * const *) requirements);
      pamong_service_type_set_standard_days (type, spec->standard_days);
      pamong_service_type_set_cost (type, spec->cost);
      pamong_service_type_set_legal_basis (type, spec->legal_basis);
      pamong_service_type_set_description (type, spec->description);
      g_ptr_array_add (demo->service_types, type);

      demo->services[i].type = type;
      demo->services[i].descriptions = g_strsplit (spec->requests, ";", -1);
      demo->services[i].n_descriptions = g_strv_length (demo->services[i].descriptions);
    }
}

/* ---- service requests and their history */

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/*
 * A tracking number reads "09-260430-0012-7Q": the kecamatan (digits 5–6 of
 * its code), the submission date YYMMDD, the request's sequence that day in
 * that kecamatan, and two check characters: the twelve digits as a number
 * mod 1021, in Crockford base32. 1021 is prime and larger than any digit
 * weight, so a mistyped digit or two swapped neighbours change the check.
 */
static char *
make_tracking_number (Demo       *demo,
                      const char *kecamatan_code,
                      guint32     julian_day)
{
  GDate date;
  g_autofree char *key = NULL;
  g_autofree char *digits = NULL;
  guint sequence;
  guint check;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  key = g_strdup_printf ("%.2s-%02u%02u%02u", kecamatan_code + 6,
                         g_date_get_year (&date) % 100, g_date_get_month (&date),
                         g_date_get_day (&date));
  sequence = GPOINTER_TO_UINT (g_hash_table_lookup (demo->tracking_seq, key)) + 1;
  g_assert (sequence <= 9999);
  g_hash_table_insert (demo->tracking_seq, g_strdup (key), GUINT_TO_POINTER (sequence));

  digits = g_strdup_printf ("%.2s%.6s%04u", key, key + 3, sequence);
  check = (guint) (g_ascii_strtoull (digits, NULL, 10) % 1021);

  return g_strdup_printf ("%s-%04u-%c%c", key, sequence, crockford[check / 32], crockford[check % 32]);
}

static const char *
officer (Demo *demo)
{
  return PICK (demo, demo->officers);
}

static gint64
add_event (Demo                *demo,
           const char          *request_uuid,
           PamongEventKind      kind,
           PamongRequestStatus  from,
           PamongRequestStatus  to,
           const char          *note,
           const char          *author,
           gint64               when)
{
  PamongRequestEvent *event = pamong_request_event_new ();

  demo_stamp (demo, event, when, when);
  pamong_request_event_set_request (event, request_uuid);
  pamong_request_event_set_kind (event, kind);
  pamong_request_event_set_from_status (event, from);
  pamong_request_event_set_to_status (event, to);
  pamong_request_event_set_note (event, note);
  pamong_request_event_set_author (event, author);
  g_ptr_array_add (demo->events, event);

  return when;
}

/* A time during office hours (07:30–15:30 WIB) on a working day. */
static gint64
office_time (Demo    *demo,
             guint32  julian_day)
{
  return unix_at (demo, julian_day, 7 * 3600 + 1800 + pick (demo, 8 * 3600));
}

static guint
weighted_pick (Demo        *demo,
               const guint *weights,
               guint        n,
               guint        total)
{
  guint r = pick (demo, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  g_assert_not_reached ();
}

static const char *reject_reasons[] = {
  "Berkas persyaratan tidak lengkap dan tidak dilengkapi dalam batas waktu.",
  "Data pada dokumen pendukung tidak sesuai dengan data kependudukan.",
  "Pemohon tidak hadir saat verifikasi berkas.",
  "Permohonan ganda; berkas yang sama sudah diproses.",
};
static const char *complaint_reject_reasons[] = {
  "Pengaduan bukan kewenangan Pemerintah Kabupaten Blora; diteruskan ke instansi terkait.",
  "Pelapor tidak dapat dihubungi untuk klarifikasi.",
};
static const char *comments[] = {
  "Pemohon diminta melengkapi fotokopi Kartu Keluarga.",
  "Pemohon menanyakan perkembangan melalui telepon.",
  "Berkas asli sudah diperiksa di loket.",
  "Menunggu tanda tangan elektronik kepala dinas.",
  "Petugas sudah meninjau lokasi.",
};

static void
make_requests (Demo *demo)
{
  guint n_requests = demo->size == PAMONG_DEMO_SIZE_BENCHMARK ? BENCHMARK_REQUESTS : DEMO_REQUESTS;
  guint n_kecamatan = pamong_region_get_n_kecamatan (demo->region);
  guint service_weights[G_N_ELEMENTS (service_specs)];
  guint total_service_weight = 0;
  g_autofree guint *kecamatan_weights = g_new0 (guint, n_kecamatan);
  guint total_kecamatan_weight = 0;
  guint32 now_day = julian_of_unix (demo, DEMO_NOW_UNIX);
  guint n_days = demo->working_days->len;
  static const char *complaint_units[] = { "Dindukcapil", "DPMPTSP", "Dinkes", "RSUD", "Disdik", "Dinsos P3A" };

  for (guint i = 0; i < G_N_ELEMENTS (service_specs); i++)
    {
      service_weights[i] = service_specs[i].weight;
      total_service_weight += service_weights[i];
    }
  /* No per-kecamatan population in the sources: weigh by desa, and count the
   * denser kelurahan twice. */
  for (guint i = 0; i < n_kecamatan; i++)
    {
      const PamongKecamatan *k = pamong_region_get_kecamatan (demo->region, i);

      kecamatan_weights[i] = pamong_kecamatan_get_n_desa (k) + pamong_kecamatan_get_n_kelurahan (k);
      total_kecamatan_weight += kecamatan_weights[i];
    }

  for (guint r = 0; r < n_requests; r++)
    {
      guint s = weighted_pick (demo, service_weights, G_N_ELEMENTS (service_specs), total_service_weight);
      const ServiceSpec *spec = &service_specs[s];
      ServiceInfo *info = &demo->services[s];
      const PamongKecamatan *kecamatan =
        pamong_region_get_kecamatan (demo->region,
                                     weighted_pick (demo, kecamatan_weights, n_kecamatan, total_kecamatan_weight));
      const PamongDesa *desa = pamong_kecamatan_get_desa (kecamatan, pick (demo, pamong_kecamatan_get_n_desa (kecamatan)));
      const PamongKecamatan *issued_in = chance (demo, 0.9)
        ? kecamatan : pamong_region_get_kecamatan (demo->region, pick (demo, n_kecamatan));
      PamongServiceRequest *request = pamong_service_request_new ();
      PamongSex sex = chance (demo, 0.5) ? PAMONG_SEX_FEMALE : PAMONG_SEX_MALE;
      gboolean complaint = spec->kind == PAMONG_SERVICE_KIND_COMPLAINT;
      /* more requests in later months: the day index is sqrt-distributed */
      guint day_index = (guint) (n_days * sqrt (g_rand_double (demo->rand)));
      guint32 day;
      guint age;
      gint64 submitted;
      guint sd = (guint) spec->standard_days;
      const char *channel = complaint ? (chance (demo, 0.6) ? "Gardu Lapor Mas Arief" : "SP4N-LAPOR!")
                                      : channels[pick (demo, G_N_ELEMENTS (channels) - 1)];
      const char *unit_key = spec->unit != NULL ? spec->unit : pamong_kecamatan_get_code (kecamatan);
      PamongRequestStatus status;
      GDate birth;
      guint birth_age;
      g_autofree char *name = person_name (demo, sex);
      g_autofree char *nik = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *address = NULL;
      g_autofree char *tracking = NULL;
      g_autofree char *due = NULL;
      g_autofree char *created_note = NULL;
      const char *uuid;
      gint64 t;
      gboolean late;

      day_index = MIN (day_index, n_days - 1);
      day = g_array_index (demo->working_days, guint32, day_index);
      age = n_days - 1 - day_index;   /* working days until now */
      submitted = office_time (demo, day);
      due = format_date (add_working_days (day, sd));

      if (g_str_equal (spec->code, "ADU-01"))
        unit_key = PICK (demo, complaint_units);

      /* the applicant: an adult of the regency */
      birth_age = 18 + pick (demo, 55);
      g_date_clear (&birth, 1);
      g_date_set_julian (&birth, day - birth_age * 365 - pick (demo, 365));
      nik = pamong_nik_make (pamong_kecamatan_get_code (issued_in), &birth, sex, 1 + pick (demo, 9999));
      phone = g_strdup_printf ("%s%04u%04u", PICK (demo, phone_prefixes), pick (demo, 10000), pick (demo, 10000));
      if (pamong_desa_is_kelurahan (desa))
        address = g_strdup_printf ("%s No. %u, RT %03u/RW %03u, Kelurahan %s, Kecamatan %s",
                                   PICK (demo, streets), 1 + pick (demo, 120), 1 + pick (demo, 8),
                                   1 + pick (demo, 6), pamong_desa_get_name (desa),
                                   pamong_kecamatan_get_name (kecamatan));
      else
        address = g_strdup_printf ("Dukuh %s, RT %03u/RW %03u, Desa %s, Kecamatan %s",
                                   PICK (demo, dukuh), 1 + pick (demo, 8), 1 + pick (demo, 5),
                                   pamong_desa_get_name (desa), pamong_kecamatan_get_name (kecamatan));
      tracking = make_tracking_number (demo, pamong_kecamatan_get_code (kecamatan), day);

      /* where the request stands now */
      if (age > sd + 5)
        {
          double p = g_rand_double (demo->rand);

          status = p < 0.86 ? PAMONG_REQUEST_STATUS_COMPLETED
                 : p < 0.94 ? PAMONG_REQUEST_STATUS_REJECTED
                 : PAMONG_REQUEST_STATUS_IN_PROGRESS;   /* stuck: overdue */
        }
      else if (chance (demo, (double) age / (sd + 5)))
        status = chance (demo, 0.92) ? PAMONG_REQUEST_STATUS_COMPLETED : PAMONG_REQUEST_STATUS_REJECTED;
      else if (age == 0)
        status = chance (demo, 0.6) ? PAMONG_REQUEST_STATUS_SUBMITTED : PAMONG_REQUEST_STATUS_VERIFIED;
      else
        status = chance (demo, 0.3) ? PAMONG_REQUEST_STATUS_VERIFIED : PAMONG_REQUEST_STATUS_IN_PROGRESS;

      demo_stamp (demo, request, submitted, submitted);
      uuid = pamong_record_get_uuid (PAMONG_RECORD (request));
      pamong_service_request_set_tracking_number (request, tracking);
      pamong_service_request_set_service_type (request, pamong_record_get_uuid (PAMONG_RECORD (info->type)));
      pamong_service_request_set_applicant_name (request, name);
      pamong_service_request_set_applicant_nik (request, nik);
      pamong_service_request_set_applicant_phone (request, phone);
      pamong_service_request_set_address (request, address);
      pamong_service_request_set_kecamatan_code (request, pamong_kecamatan_get_code (kecamatan));
      pamong_service_request_set_desa_code (request, pamong_desa_get_code (desa));
      pamong_service_request_set_description (request, info->descriptions[pick (demo, info->n_descriptions)]);
      pamong_service_request_set_unit (request, unit_uuid (demo, unit_key));
      pamong_service_request_set_due_date (request, due);
      {
        g_autoptr(GDateTime) submitted_at = g_date_time_new_from_unix_utc (submitted);

        pamong_service_request_set_submitted_at (request, submitted_at);
      }
      if (complaint && (g_str_equal (pamong_kecamatan_get_code (kecamatan), "33.16.09") ||
                        g_str_equal (pamong_kecamatan_get_code (kecamatan), "33.16.05")))
        {
          /* around the towns of Blora and Cepu */
          gboolean cepu = g_str_equal (pamong_kecamatan_get_code (kecamatan), "33.16.05");

          pamong_service_request_set_has_location (request, TRUE);
          pamong_service_request_set_latitude (request, (cepu ? -7.149 : -6.969) + (g_rand_double (demo->rand) - 0.5) * 0.03);
          pamong_service_request_set_longitude (request, (cepu ? 111.590 : 111.418) + (g_rand_double (demo->rand) - 0.5) * 0.03);
        }

      /* the history */
      created_note = g_strdup_printf ("Diterima melalui %s.", channel);
      t = add_event (demo, uuid, PAMONG_EVENT_KIND_CREATED, PAMONG_REQUEST_STATUS_SUBMITTED,
                     PAMONG_REQUEST_STATUS_SUBMITTED, created_note, name, submitted);

      if (status != PAMONG_REQUEST_STATUS_SUBMITTED)
        {
          guint32 verify_day = (age > 0 && chance (demo, 0.3)) ? add_working_days (day, 1) : day;
          gint64 verified = office_time (demo, verify_day);

          verified = MAX (t + 600, verified);

          if (verified > DEMO_NOW_UNIX)
            verified = t + 600;
          t = add_event (demo, uuid, PAMONG_EVENT_KIND_STATUS, PAMONG_REQUEST_STATUS_SUBMITTED,
                         PAMONG_REQUEST_STATUS_VERIFIED, "Berkas lengkap dan sesuai persyaratan.",
                         officer (demo), verified);
          if (complaint)
            {
              PamongUnit *unit = g_hash_table_lookup (demo->unit_by_key, unit_key);
              g_autofree char *note = g_strdup_printf ("Diteruskan ke %s.", pamong_unit_get_name (unit));

              t = add_event (demo, uuid, PAMONG_EVENT_KIND_ASSIGNED, PAMONG_REQUEST_STATUS_VERIFIED,
                             PAMONG_REQUEST_STATUS_VERIFIED, note, officer (demo), t + 900);
            }
        }

      if (status == PAMONG_REQUEST_STATUS_IN_PROGRESS || status == PAMONG_REQUEST_STATUS_COMPLETED)
        {
          gint64 started = t + 1800 + pick (demo, 7200);

          t = add_event (demo, uuid, PAMONG_EVENT_KIND_STATUS, PAMONG_REQUEST_STATUS_VERIFIED,
                         PAMONG_REQUEST_STATUS_IN_PROGRESS, "Sedang diproses.", officer (demo),
                         MIN (started, DEMO_NOW_UNIX - 60));
        }

      if (status != PAMONG_REQUEST_STATUS_SUBMITTED && chance (demo, 0.1))
        t = add_event (demo, uuid, PAMONG_EVENT_KIND_COMMENT, status, status,
                       PICK (demo, comments), officer (demo), MIN (t + 1200, DEMO_NOW_UNIX - 30));

      late = chance (demo, 0.12);
      if (status == PAMONG_REQUEST_STATUS_COMPLETED || status == PAMONG_REQUEST_STATUS_REJECTED)
        {
          /* most finish within the standard days, some late; never after now */
          guint took = late ? sd + 1 + pick (demo, 4) : pick (demo, sd + 1);
          guint32 done_day = MIN (add_working_days (day, took), now_day);
          gint64 done = office_time (demo, done_day);

          done = MAX (t + 600, done);

          if (done > DEMO_NOW_UNIX)
            done = MIN (t + 600, DEMO_NOW_UNIX);

          if (status == PAMONG_REQUEST_STATUS_COMPLETED)
            {
              g_autoptr(GDateTime) completed_at = g_date_time_new_from_unix_utc (done);

              pamong_service_request_set_completed_at (request, completed_at);
              t = add_event (demo, uuid, PAMONG_EVENT_KIND_STATUS, PAMONG_REQUEST_STATUS_IN_PROGRESS,
                             PAMONG_REQUEST_STATUS_COMPLETED,
                             complaint ? "Pengaduan telah ditindaklanjuti; pelapor sudah dihubungi."
                                       : "Selesai; dokumen dapat diambil atau dikirim dalam bentuk PDF.",
                             officer (demo), done);
            }
          else
            {
              const char *reason = complaint ? PICK (demo, complaint_reject_reasons) : PICK (demo, reject_reasons);

              pamong_service_request_set_reject_reason (request, reason);
              t = add_event (demo, uuid, PAMONG_EVENT_KIND_STATUS, PAMONG_REQUEST_STATUS_VERIFIED,
                             PAMONG_REQUEST_STATUS_REJECTED, reason, officer (demo), done);
            }
        }

      pamong_service_request_set_status (request, status);
      {
        g_autoptr(GDateTime) updated_at = g_date_time_new_from_unix_utc (t);

        pamong_record_set_updated_at (PAMONG_RECORD (request), updated_at);
      }
      g_ptr_array_add (demo->requests, request);
    }
}

/* ------------------------------------------------------------------------
 * Public API
 */

/**
 * pamong_demo_options_init:
 * @options: the options to fill
 *
 * Sets the options the app uses: the demo size and %PAMONG_DEMO_DEFAULT_SEED.
 */
void
pamong_demo_options_init (PamongDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->size = PAMONG_DEMO_SIZE_DEMO;
  options->seed = PAMONG_DEMO_DEFAULT_SEED;
}

static void
append_all (GPtrArray *out,
            GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (records, i)));
}

/**
 * pamong_demo_generate_records:
 * @options: size and seed
 * @error: return location for a #GError
 *
 * Makes the Kabupaten Blora dataset: units, applications, the SPBE
 * self-assessments of 2022–2024 with their indicator scores, service types,
 * service requests and their events, in that (sync) order. The same options
 * give the same records, uuids and timestamps included.
 *
 * Returns: (transfer full) (element-type PamongRecord): the records, or
 *   %NULL with @error set if the region or the framework cannot be loaded
 */
GPtrArray *
pamong_demo_generate_records (const PamongDemoOptions  *options,
                              GError                  **error)
{
  Demo demo = { 0 };
  GPtrArray *out;
  guint32 first, last;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  demo.size = options->size;
  demo.rand = g_rand_new_with_seed (options->seed);
  demo.uuid_rand = g_rand_new_with_seed (options->seed ^ 0x9e3779b9u);
  demo.epoch_julian = julian (1970, 1, 1);
  demo.units = g_ptr_array_new_with_free_func (g_object_unref);
  demo.applications = g_ptr_array_new_with_free_func (g_object_unref);
  demo.assessments = g_ptr_array_new_with_free_func (g_object_unref);
  demo.scores = g_ptr_array_new_with_free_func (g_object_unref);
  demo.service_types = g_ptr_array_new_with_free_func (g_object_unref);
  demo.requests = g_ptr_array_new_with_free_func (g_object_unref);
  demo.events = g_ptr_array_new_with_free_func (g_object_unref);
  demo.unit_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  demo.app_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.tracking_seq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.working_days = g_array_new (FALSE, FALSE, sizeof (guint32));

  demo.region = pamong_region_load_default (error);
  if (demo.region == NULL)
    goto failed;
  demo.framework = pamong_framework_load_default (error);
  if (demo.framework == NULL)
    goto failed;

  /* requests run from the first working day of 2024 to now */
  first = julian (2024, 1, 2);
  last = julian_of_unix (&demo, DEMO_NOW_UNIX);
  for (guint32 d = first; d <= last; d++)
    if (is_working_day (d))
      g_array_append_val (demo.working_days, d);

  for (guint i = 0; i < G_N_ELEMENTS (demo.officers); i++)
    {
      PamongSex sex = i % 2 ? PAMONG_SEX_MALE : PAMONG_SEX_FEMALE;
      g_autofree char *name = person_name (&demo, sex);

      demo.officers[i] = g_strdup_printf ("%s (petugas)", name);
    }

  make_units (&demo);
  make_applications (&demo);
  if (!make_assessments (&demo, error))
    goto failed;
  make_service_types (&demo);
  make_requests (&demo);

  out = g_ptr_array_new_full (demo.units->len + demo.applications->len + demo.assessments->len +
                              demo.scores->len + demo.service_types->len + demo.requests->len +
                              demo.events->len, g_object_unref);
  append_all (out, demo.units);
  append_all (out, demo.applications);
  append_all (out, demo.assessments);
  append_all (out, demo.scores);
  append_all (out, demo.service_types);
  append_all (out, demo.requests);
  append_all (out, demo.events);

  demo_clear (&demo);

  return out;

failed:
  demo_clear (&demo);
  return NULL;
}

/**
 * pamong_demo_generate:
 * @store: the store to fill
 * @options: size and seed
 * @error: return location for a #GError
 *
 * Makes the dataset of pamong_demo_generate_records() and imports it into
 * @store in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_demo_generate (PamongStore              *store,
                      const PamongDemoOptions  *options,
                      GError                  **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  records = pamong_demo_generate_records (options, error);
  if (records == NULL)
    return FALSE;

  return pamong_store_import (store, records, error);
}
