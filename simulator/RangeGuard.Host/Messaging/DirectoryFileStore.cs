using System.IO;
using RangeGuard.Ports;

namespace RangeGuard.Host.Messaging;

/// <summary>The outbox's durable store on the host: files in one folder, each append flushed to disk before it returns.</summary>
public sealed class DirectoryFileStore : IFileStore
{
    private readonly string _folder;

    public DirectoryFileStore(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public int Length(string name)
    {
        var info = new FileInfo(PathOf(name));
        return info.Exists ? checked((int)info.Length) : -1;
    }

    public int Read(string name, int offset, byte[] buffer, int index, int count)
    {
        using var fs = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        fs.Position = offset;
        return fs.Read(buffer, index, count);
    }

    public void Append(string name, byte[] data, int index, int count)
    {
        using var fs = new FileStream(PathOf(name), FileMode.Append, FileAccess.Write, FileShare.Read);
        fs.Write(data, index, count);
        fs.Flush(flushToDisk: true);
    }

    public void Delete(string name) => File.Delete(PathOf(name));

    private string PathOf(string name) => Path.Combine(_folder, name);
}
