//! Deterministic Vietnamese news text for benchmarks: no network, no corpus to ship.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PLACES: &[&str] = &[
    "Hà Nội",
    "Đà Nẵng",
    "Hải Phòng",
    "Dương Kinh",
    "Quảng Ninh",
    "Cần Thơ",
    "Huế",
    "Nghệ An",
    "Thanh Hóa",
    "Bình Dương",
    "Đồng Nai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Hải An",
    "Ngô Quyền",
    "Lê Chân",
    "Kiến An",
];
const SUBJECTS: &[&str] = &[
    "UBND quận",
    "Công an phường",
    "Sở Giao thông vận tải",
    "người dân",
    "lực lượng chức năng",
    "Ban quản lý dự án",
    "doanh nghiệp",
    "học sinh",
    "giáo viên",
    "bác sĩ",
    "Hội đồng nhân dân",
    "đoàn công tác",
    "chính quyền địa phương",
];
const VERBS: &[&str] = &[
    "triển khai",
    "kiểm tra",
    "tổ chức",
    "hoàn thành",
    "khởi công",
    "đề xuất",
    "phối hợp",
    "xử lý",
    "tuyên truyền",
    "hỗ trợ",
    "khắc phục",
    "đánh giá",
    "thông qua",
    "điều tra",
    "xây dựng",
];
const OBJECTS: &[&str] = &[
    "dự án nâng cấp tuyến đường",
    "kế hoạch phòng chống thiên tai",
    "chương trình an toàn giao thông",
    "công tác phòng cháy chữa cháy",
    "đợt cao điểm trấn áp tội phạm",
    "mô hình khu dân cư văn minh",
    "hệ thống thoát nước đô thị",
    "chính sách hỗ trợ hộ nghèo",
    "kỳ thi tốt nghiệp trung học phổ thông",
    "chiến dịch tiêm chủng mở rộng",
    "thế trận liên hoàn bảo vệ an ninh trật tự",
];
const TAILS: &[&str] = &[
    "trong tháng tới",
    "với tổng kinh phí hơn 20 tỷ đồng",
    "theo chỉ đạo của thành phố",
    "nhằm bảo đảm an toàn",
    "trước mùa mưa bão",
    "để phục vụ nhân dân",
    "sau nhiều năm chờ đợi",
    "trên địa bàn",
    "từ đầu năm đến nay",
];
pub const SECTIONS: &[&str] =
    &["Bản tin Pháp luật", "An toàn giao thông", "Phóng sự ảnh", "Thời sự", "Đời sống", "Giáo dục", "Kinh tế"];

pub fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {} tại {} {}.",
        rng.pick(&["Sáng nay,", "Chiều 15-7,", "Ngày 2-3,", "Tối qua,", "Hôm nay,"]),
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(PLACES),
        rng.pick(TAILS)
    )
}

pub fn headline(rng: &mut Rng) -> String {
    let s = format!("{} {} {}", rng.pick(VERBS), rng.pick(OBJECTS), rng.pick(PLACES));
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Paragraphs totalling at least `tieng` syllables.
pub fn paragraphs(rng: &mut Rng, tieng: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut count = 0;
    while count < tieng {
        let p: Vec<String> = (0..4).map(|_| sentence(rng)).collect();
        let p = p.join(" ");
        count += p.split_whitespace().count();
        out.push(p);
    }
    out
}
