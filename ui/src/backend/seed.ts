/** Sample articles for running the UI in a plain browser (`?demo`). Never used by the app. */
import type { MemoryBackend } from './memory';
import { MemorySite } from './memory-site';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A site to publish to: add it in Settings → Đăng bài with user `demo`, password `demo`. */
function demoSite(): MemorySite {
  const site = new MemorySite('https://demo.banthao.vn', { demo: { password: 'demo', name: 'Biên tập viên (demo)' } });
  site.filePost('Cộng tác viên gửi: chợ nổi Cái Răng vào mùa nước nổi', 'Những ghe hàng từ khắp miền Tây đổ về.', ['Từ 5 giờ sáng, chợ đã đông.']);
  site.filePost('Bản nháp trên trang: lịch cắt điện tuần tới', '', ['Điện lực thông báo lịch cắt điện.'], 'draft');
  return site;
}

export async function seedDemo(backend: MemoryBackend): Promise<void> {
  backend.sync.addSite(demoSite());
  await backend.createArticle({
    headline: 'Xây dựng thế trận liên hoàn bảo vệ ANTT',
    sapo: 'Sáng 2-3, UBND quận Dương Kinh triển khai kế hoạch bảo đảm an ninh trật tự năm 2011.',
    section: 'Bản tin Pháp luật',
    byline: 'Nhóm PV',
    dateline: 'Hải Phòng',
    keywords: ['an ninh trật tự', 'Dương Kinh'],
    body: { type: 'doc', content: [para('Hội nghị có sự tham dự của đại diện các phường trên địa bàn quận.')] },
  });
  await backend.createArticle({
    headline: 'Đà Nẵng: thông xe Đường Điện Biên Phủ sau cải tạo',
    sapo: 'Sau 6 tháng thi công, tuyến đường chính của quận Thanh Khê đã thông xe trở lại.',
    section: 'An toàn giao thông',
    byline: 'Minh Châu',
    dateline: 'Đà Nẵng',
    keywords: [],
    body: { type: 'doc', content: [para('Người dân phấn khởi khi tuyến đường được mở rộng.')] },
  });
  await backend.createArticle({
    headline: 'Mùa lúa chín trên ruộng bậc thang Mù Cang Chải',
    sapo: 'Những thửa ruộng vàng óng trải dài trên sườn núi.',
    section: 'Phóng sự ảnh',
    byline: 'Thuỷ Tiên',
    dateline: 'Yên Bái',
    keywords: [],
  });
}
