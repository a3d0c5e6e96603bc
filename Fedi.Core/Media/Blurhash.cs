namespace Fedi.Core.Media;

/// <summary>
/// The blurhash encoder (https://blurha.sh, the algorithm Mastodon's blurhash gem runs), written here because no
/// package exists: a DCT of the image in linear light, the DC as 24-bit sRGB, the AC components quantised, base 83.
/// </summary>
public static class Blurhash
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    /// <param name="rgb">width × height pixels, 3 bytes each (sRGB), rows top to bottom.</param>
    public static string Encode(ReadOnlySpan<byte> rgb, int width, int height, int componentsX = 4, int componentsY = 3)
    {
        if (width <= 0 || height <= 0 || rgb.Length < width * height * 3) throw new ArgumentException("not an RGB image", nameof(rgb));
        var linear = new float[width * height * 3];
        for (var i = 0; i < linear.Length; i++) linear[i] = (float)SrgbToLinear(rgb[i]);

        var factors = new double[componentsX * componentsY, 3];
        for (var j = 0; j < componentsY; j++)
            for (var i = 0; i < componentsX; i++)
            {
                double r = 0, g = 0, b = 0;
                var normalisation = i == 0 && j == 0 ? 1.0 : 2.0;
                for (var y = 0; y < height; y++)
                {
                    var cosY = Math.Cos(Math.PI * j * y / height);
                    for (var x = 0; x < width; x++)
                    {
                        var basis = normalisation * Math.Cos(Math.PI * i * x / width) * cosY;
                        var p = (y * width + x) * 3;
                        r += basis * linear[p];
                        g += basis * linear[p + 1];
                        b += basis * linear[p + 2];
                    }
                }
                var scale = 1.0 / (width * height);
                var k = j * componentsX + i;
                factors[k, 0] = r * scale;
                factors[k, 1] = g * scale;
                factors[k, 2] = b * scale;
            }

        var hash = new System.Text.StringBuilder();
        Append(hash, componentsX - 1 + (componentsY - 1) * 9, 1);
        var count = componentsX * componentsY;
        var maximum = 0.0;
        for (var k = 1; k < count; k++)
            for (var c = 0; c < 3; c++) maximum = Math.Max(maximum, Math.Abs(factors[k, c]));
        var quantisedMaximum = count > 1 ? Math.Clamp((int)Math.Floor(maximum * 166 - 0.5), 0, 82) : 0;
        var acMaximum = count > 1 ? (quantisedMaximum + 1) / 166.0 : 1.0;
        Append(hash, quantisedMaximum, 1);

        Append(hash, (LinearToSrgb(factors[0, 0]) << 16) + (LinearToSrgb(factors[0, 1]) << 8) + LinearToSrgb(factors[0, 2]), 4);
        for (var k = 1; k < count; k++)
        {
            int Quantise(double value) => Math.Clamp((int)Math.Floor(SignPow(value / acMaximum, 0.5) * 9 + 9.5), 0, 18);
            Append(hash, Quantise(factors[k, 0]) * 19 * 19 + Quantise(factors[k, 1]) * 19 + Quantise(factors[k, 2]), 2);
        }
        return hash.ToString();
    }

    private static void Append(System.Text.StringBuilder hash, int value, int length)
    {
        var digits = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            digits[i] = Digits[value % 83];
            value /= 83;
        }
        hash.Append(digits);
    }

    private static double SrgbToLinear(byte value)
    {
        var v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static int LinearToSrgb(double value)
    {
        var v = Math.Clamp(value, 0, 1);
        return v <= 0.0031308 ? (int)(v * 12.92 * 255 + 0.5) : (int)((1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static double SignPow(double value, double exponent) => Math.CopySign(Math.Pow(Math.Abs(value), exponent), value);
}
