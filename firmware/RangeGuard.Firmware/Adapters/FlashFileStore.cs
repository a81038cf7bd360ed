using System.IO;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// The outbox's durable store in the ESP32's internal flash. nanoFramework mounts the internal SPIFFS partition as drive
    /// <c>I:\</c> (nf-interpreter: INTERNAL_DRIVE0_LETTER "I:", VFS base path "/I"; nanoFramework.System.IO.FileSystem's own
    /// tests use the same root). SPIFFS has no folders, so the files sit in the root. Each append opens the file in Append
    /// mode, writes the whole record, flushes and closes: the record reaches the flash before the call returns, and a power
    /// cut tears at most that record (the CRC framing in AlertStore finds and skips it).
    /// </summary>
    public sealed class FlashFileStore : IFileStore
    {
        public const string InternalDrive = "I:\\";

        private readonly string _root;

        public FlashFileStore(string root)
        {
            _root = root;
        }

        public int Length(string name)
        {
            string path = _root + name;
            if (!File.Exists(path))
            {
                return -1;
            }

            using (FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return (int)fs.Length;
            }
        }

        public int Read(string name, int offset, byte[] buffer, int index, int count)
        {
            using (FileStream fs = new FileStream(_root + name, FileMode.Open, FileAccess.Read))
            {
                fs.Seek(offset, SeekOrigin.Begin);
                return fs.Read(buffer, index, count);
            }
        }

        public void Append(string name, byte[] data, int index, int count)
        {
            using (FileStream fs = new FileStream(_root + name, FileMode.Append, FileAccess.Write))
            {
                fs.Write(data, index, count);
                fs.Flush();
            }
        }

        public void Delete(string name)
        {
            string path = _root + name;
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
