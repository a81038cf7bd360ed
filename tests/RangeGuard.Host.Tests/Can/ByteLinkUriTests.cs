using System;
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
        public void Open_should_fail_clearly_when_the_serial_device_does_not_exist()
        {
            var ex = Assert.Throws<Exception>(() => ByteLinkFactory.Open("serial:/dev/rangeguard-no-such-port"));
            StringAssert.Contains(ex.Message, "rangeguard-no-such-port");
        }
    }
}
