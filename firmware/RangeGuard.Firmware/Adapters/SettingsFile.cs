using System.IO;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Ports;
using RangeGuard.Runtime;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>Reads the car's settings (<see cref="DeviceSettings.FileName"/>) and its PEM files from the internal drive.</summary>
    public static class SettingsFile
    {
        /// <summary>The settings on the drive, or the documented defaults when the file is missing; problems go to the log.</summary>
        public static DeviceSettings Load(IFileStore files, ILogSink log)
        {
            byte[] text = ReadAll(files, DeviceSettings.FileName);
            if (text == null)
            {
                log.Write("settings: no I:\\" + DeviceSettings.FileName + ", using the defaults (offline, vehicle id rg-0001)");
                return DeviceSettings.Parse(null);
            }

            DeviceSettings s = DeviceSettings.Parse(Utf8Text.Decode(text, 0, text.Length, new char[text.Length + 1]));
            for (int i = 0; i < s.ErrorCount && i < DeviceSettings.MaxErrors; i++)
            {
                log.Write("settings: " + s.Error(i) + " (default kept)");
            }

            return s;
        }

        /// <summary>A whole file (PEM certificates), or null when the name is empty or the file missing.</summary>
        public static byte[] ReadAll(IFileStore files, string name)
        {
            if (name == null || name.Length == 0)
            {
                return null;
            }

            try
            {
                int length = files.Length(name);
                if (length < 0)
                {
                    return null;
                }

                byte[] data = new byte[length];
                int got = 0;
                while (got < length)
                {
                    int n = files.Read(name, got, data, got, length - got);
                    if (n <= 0)
                    {
                        break;
                    }

                    got += n;
                }

                return data;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
