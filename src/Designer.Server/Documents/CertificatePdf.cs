using Designer.Engine.Domain;
using Designer.Persistence.Entities;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Designer.Server.Documents;

/// <summary>
/// The certificate as a printable A4 landscape PDF: number, holder, series, level, whether it is directed and where it is
/// valid, the issuing locality and date, and the public address where anyone verifies it. Text is Unicode-encoded with
/// embedded fonts, so it prints, copies and searches as Chinese.
/// </summary>
public static class CertificatePdf
{
    private static readonly XColor Seal = XColor.FromArgb(164, 30, 34);

    public static byte[] Render(CertificateRecord certificate, string verificationUrl, VocabularySet names)
    {
        CjkFontResolver.Install();
        var document = new PdfDocument();
        document.Info.Title = $"专业技术资格证书 {certificate.Number}";
        document.Info.Subject = "职称证书 (title certificate)";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(297);
        page.Height = XUnit.FromMillimeter(210);
        using (var gfx = XGraphics.FromPdfPage(page)) Draw(new Writer(gfx), page.Width.Point, page.Height.Point, certificate, verificationUrl, names);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static void Draw(Writer w, double width, double height, CertificateRecord c, string verificationUrl, VocabularySet names)
    {
        w.Gfx.DrawRectangle(new XPen(Seal, 4), 24, 24, width - 48, height - 48);
        w.Gfx.DrawRectangle(new XPen(Seal, 1), 34, 34, width - 68, height - 68);
        w.Centered("专业技术资格证书", 30, true, new XSolidBrush(Seal), width / 2, 98);
        w.Centered($"证书编号：{c.Number}", 12, false, XBrushes.Black, width / 2, 128);

        var rows = new (string Label, string Value)[]
        {
            ("姓名", c.Holder),
            ("专业系列", DocumentWords.Series(c.Series, names)),
            ("资格级别", DocumentWords.Level(c.Level, names)),
            ("评价方式", c.Directed ? "定向评价（限定向范围内聘用有效）" : "通用评价"),
            ("适用范围", string.IsNullOrEmpty(c.ValidIn) ? "全区通用" : DocumentWords.ValidIn(c.ValidIn, names)),
            ("发证地区", DocumentWords.Locality(c.Locality, names)),
            ("发证日期", c.IssuedOn),
        };
        var baseline = 180.0;
        foreach (var (label, value) in rows)
        {
            w.Left(label, 15, true, XBrushes.Black, 150, baseline);
            w.Left(value, 15, false, XBrushes.Black, 270, baseline);
            w.Gfx.DrawLine(new XPen(XColors.LightGray, 0.5), 150, baseline + 10, width - 150, baseline + 10);
            baseline += 34;
        }
        w.Centered("本证书可在以下地址核验真伪：", 11, false, XBrushes.Black, width / 2, height - 84);
        w.Centered(verificationUrl, 11, false, XBrushes.Black, width / 2, height - 66);
    }

    /// <summary>Draws text in runs: CJK characters in the CJK font, everything else in the Latin font, on one baseline.</summary>
    private sealed class Writer(XGraphics gfx)
    {
        public XGraphics Gfx { get; } = gfx;

        public void Left(string text, double size, bool bold, XBrush brush, double x, double baseline)
        {
            foreach (var (run, font) in Runs(text, size, bold))
            {
                Gfx.DrawString(run, font, brush, x, baseline, XStringFormats.BaseLineLeft);
                x += Gfx.MeasureString(run, font).Width;
            }
        }

        public void Centered(string text, double size, bool bold, XBrush brush, double centre, double baseline)
        {
            var width = Runs(text, size, bold).Sum(r => Gfx.MeasureString(r.Text, r.Font).Width);
            Left(text, size, bold, brush, centre - width / 2, baseline);
        }

        private static IEnumerable<(string Text, XFont Font)> Runs(string text, double size, bool bold)
        {
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i < text.Length && IsCjk(text[i]) == IsCjk(text[start])) continue;
                yield return (text[start..i], Font(IsCjk(text[start]) ? CjkFontResolver.CjkFamily : CjkFontResolver.LatinFamily, size, bold));
                start = i;
            }
        }

        /// <summary>CJK ideographs and punctuation, full-width forms: everything from U+2E80 up (Latin, digits and ASCII are below).</summary>
        private static bool IsCjk(char ch) => ch >= '\u2E80';

        private static XFont Font(string family, double size, bool bold) =>
            new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
