namespace Fedi.Core.Media;

/// <summary>A private temporary folder for one upload's processing, removed with everything in it on dispose.</summary>
public sealed class WorkFolder : IDisposable
{
    private WorkFolder(string path) => Path = path;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static WorkFolder Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fedi-media-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new WorkFolder(path);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* left for the OS's temp cleaner */ }
    }
}
