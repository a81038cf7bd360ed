using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Host.Tests.Can
{
    /// <summary>What a developer without python3-can or socat reads when the interop tests are skipped.</summary>
    [TestClass]
    public class ExternalToolTests
    {
        [TestMethod]
        public void A_missing_tool_should_skip_with_the_reason_and_the_Debian_packages()
        {
            var ex = Assert.ThrowsExactly<AssertInconclusiveException>(() =>
                ExternalTool.Require(false, "needs the Debian package socat (not found on PATH) to make a pty pair", ci: false));
            // MSTest puts "Assert.Inconclusive. " in front of the message.
            StringAssert.EndsWith(ex.Message, "Skipped: this test needs the Debian package socat (not found on PATH) to make a pty pair. "
                + "Install with: sudo apt-get install python3-can socat (.ci/run installs both).");
        }

        [TestMethod]
        public void A_missing_tool_should_fail_under_CI_which_installs_it()
        {
            var ex = Assert.ThrowsExactly<AssertFailedException>(() => ExternalTool.Require(false, "needs socat", ci: true));
            StringAssert.Contains(ex.Message, "CI=true, so not skipped: Skipped: this test needs socat. Install with: sudo apt-get install python3-can socat");
        }

        [TestMethod]
        public void A_present_tool_should_not_skip()
        {
            ExternalTool.Require(true, "needs nothing", ci: true);
        }
    }
}
