/** Sample articles for running the UI in a plain browser (`?demo`). Never used by the app. */
import type { Backend } from './backend';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export async function seedDemo(backend: Backend): Promise<void> {
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
