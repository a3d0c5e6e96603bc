using System.Security.Cryptography;

namespace Fedi.Testing;

/// <summary>Unique names for what tests create side by side: users, databases, Redis namespaces.</summary>
public static class RandomNames
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary><paramref name="length"/> random characters from <c>[a-z0-9]</c>.</summary>
    public static string Lowercase(int length) =>
        RandomNumberGenerator.GetString(LowerAlphanumeric, length);

    /// <summary><paramref name="prefix"/> followed by 10 random <c>[a-z0-9]</c> characters.</summary>
    public static string Unique(string prefix) => prefix + Lowercase(10);
}
