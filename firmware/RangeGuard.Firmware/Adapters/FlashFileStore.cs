using System.IO;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// The outbox's durable store in the ESP32's internal flash. nanoFramework mounts the internal flash partition as drive
    /// <c>I:\</c>, formatted LittleFS (nf-interpreter targets/ESP32/ESP32/target_FileSystem.cpp: one volume "I:" on the
    /// littlefs driver, the 256 KB "config" partition of a 4 MB flash, shared with the network configuration and stored
    /// certificates; nanoFramework.System.IO.FileSystem's own tests use the same root). The files sit in the root. Each
    /// append opens the file in Append mode, writes the whole record and closes it. The driver (_littlefs/littlefs_FS_Driver.cpp)
    /// does fwrite + fflush per Write and fflush per Flush, but LittleFS commits a file only when it is synced or closed
    /// (esp_littlefs without CONFIG_LITTLEFS_FLUSH_FILE_EVERY_WRITE, as in nf-interpreter's sdkconfig.default): closing,
    /// not Flush, is what puts the record on the flash before the call returns. LittleFS is copy-on-write,
    /// so a power cut before that commit leaves the file as it was; the CRC framing in AlertStore still finds and skips a
    /// damaged record should one appear.
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
            } // Dispose closes the file: the LittleFS commit
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
