using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Can;

namespace RangeGuard.Host.Tests.Can
{
    [TestClass]
    public class ByteLinkUriTests
    {
        [TestMethod]
        public void Parse_should_read_serial_and_tcp_addresses()
        {
            Assert.AreEqual(new ByteLinkUri(ByteLinkKind.Serial, "/dev/ttyUSB0", 115200, "", 0), ByteLinkUri.Parse("serial:/dev/ttyUSB0"));
            Assert.AreEqual(new ByteLinkUri(ByteLinkKind.Serial, "/dev/ttyACM0", 921600, "", 0), ByteLinkUri.Parse("serial:/dev/ttyACM0@921600"));
            Assert.AreEqual(new ByteLinkUri(ByteLinkKind.Serial, "/dev/pts/7", 115200, "", 0), ByteLinkUri.Parse("/dev/pts/7"));
            Assert.AreEqual(new ByteLinkUri(ByteLinkKind.Serial, "/dev/ttyUSB1", 115200, "", 0), ByteLinkUri.Parse("serial:///dev/ttyUSB1"));
            Assert.AreEqual(new ByteLinkUri(ByteLinkKind.Tcp, "", 0, "127.0.0.1", 5000), ByteLinkUri.Parse("tcp://127.0.0.1:5000"));
            Assert.AreEqual(new ByteLinkUri(ByteLinkKind.Tcp, "", 0, "::1", 5000), ByteLinkUri.Parse("tcp://[::1]:5000/"));
            Assert.AreEqual("serial:/dev/ttyACM0@921600", ByteLinkUri.Parse("serial:/dev/ttyACM0@921600").ToString());
            Assert.AreEqual("tcp://bridge.local:23", ByteLinkUri.Parse(" tcp://bridge.local:23 ").ToString());
        }

        [TestMethod]
        [DataRow("", "empty")]
        [DataRow("serial:", "no device path")]
        [DataRow("serial:/dev/ttyUSB0@fast", "baud rate 'fast'")]
        [DataRow("serial:/dev/ttyUSB0@0", "baud rate '0'")]
        [DataRow("tcp://127.0.0.1", "needs host and port")]
        [DataRow("tcp://127.0.0.1:", "needs host and port")]
        [DataRow("tcp://127.0.0.1:70000", "port '70000'")]
        [DataRow("tcp://:5000", "needs host and port")]
        [DataRow("udp://127.0.0.1:5000", "unknown scheme 'udp'")]
        [DataRow("ttyUSB0", "no scheme")]
        public void Parse_should_name_the_problem_when_the_address_is_bad(string text, string reason)
        {
            var ex = Assert.ThrowsExactly<FormatException>(() => ByteLinkUri.Parse(text));
            StringAssert.Contains(ex.Message, reason);
            StringAssert.Contains(ex.Message, $"'{text}'");
        }

        [TestMethod]
        public void Open_should_say_a_serial_device_does_not_exist_rather_than_access_denied()
        {
            // System.IO.Ports says "Access to the port '/dev/…' is denied" for a missing device; the link checks first.
            var ex = Assert.ThrowsExactly<ByteLinkOpenException>(() => ByteLinkFactory.Open("serial:/dev/rangeguard-no-such-port"));
            Assert.AreEqual("serial:/dev/rangeguard-no-such-port@115200", ex.Address);
            Assert.AreEqual("/dev/rangeguard-no-such-port does not exist: is the adapter plugged in? USB adapters appear as /dev/ttyUSB0 or /dev/ttyACM0 (ls /dev/ttyUSB* /dev/ttyACM*)", ex.Reason);
            Assert.IsInstanceOfType<IOException>(ex, "callers catching IOException still catch it");
        }

        [TestMethod]
        public void Open_should_say_when_the_path_is_not_a_serial_device()
        {
            string dir = Path.Combine(Path.GetTempPath(), "rg-serial-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string file = Path.Combine(dir, "not-a-tty");
            File.WriteAllText(file, "");
            try
            {
                var ex = Assert.ThrowsExactly<ByteLinkOpenException>(() => ByteLinkFactory.Open("serial:" + dir));
                Assert.AreEqual($"{dir} is a directory, not a serial device", ex.Reason);
                ex = Assert.ThrowsExactly<ByteLinkOpenException>(() => ByteLinkFactory.Open("serial:" + file));
                Assert.AreEqual($"{file} is not a serial device (the file exists, but it is not a terminal device)", ex.Reason);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void Open_errors_should_name_permission_and_busy_devices_in_words()
        {
            // The OS errors System.IO.Ports puts in the inner exception's HResult (errno), which the test cannot provoke as root.
            static string Why(int errno) => SerialByteLink.WhyNot("/dev/ttyUSB0", new UnauthorizedAccessException("denied", new IOException("os", errno)));
            Assert.AreEqual("permission denied: add your user to the group that owns /dev/ttyUSB0 (usually dialout: sudo usermod -aG dialout $USER, then log in again)", Why(13));
            Assert.AreEqual("/dev/ttyUSB0 is busy: another program has it open (a serial monitor, ModemManager, slcand?)", Why(16));
            Assert.AreEqual("cannot open /dev/ttyUSB0: os", Why(5));
        }

        [TestMethod]
        public void TryParseReason_should_give_the_reason_without_the_address()
        {
            Assert.IsFalse(ByteLinkUri.TryParseReason("udp://127.0.0.1:5000", out _, out string reason));
            Assert.AreEqual("unknown scheme 'udp'; use serial:/dev/ttyUSB0[@115200] or tcp://host:port", reason);
            Assert.IsFalse(ByteLinkUri.TryParse("udp://127.0.0.1:5000", out _, out string error));
            Assert.AreEqual("bridge address 'udp://127.0.0.1:5000': " + reason, error);
        }
    }
}
