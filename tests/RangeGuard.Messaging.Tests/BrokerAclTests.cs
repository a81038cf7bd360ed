using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;

namespace RangeGuard.Messaging.Tests;

/// <summary>The shipped ACL (hardware-docs/mosquitto/rangeguard.acl) through a real mosquitto.</summary>
[TestClass]
public class BrokerAclTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(700);

    [TestMethod]
    public async Task An_unauthenticated_client_and_a_wrong_password_should_be_refused()
    {
        using var broker = new MosquittoFixture("car-a");
        var (anon, code) = await TestClient.ConnectAsync(broker.Port, null, "anon");
        await using (anon)
        {
            Assert.AreNotEqual(MqttClientConnectResultCode.Success, code, "anonymous");
        }

        var (wrong, wrongCode) = await TestClient.ConnectAsync(broker.Port, "car-b", "car-b"); // car-b has no account here
        await using (wrong)
        {
            Assert.AreNotEqual(MqttClientConnectResultCode.Success, wrongCode, "unknown user");
        }

        var (ok, okCode) = await TestClient.ConnectAsync(broker.Port, "car-a", "car-a");
        await using (ok)
        {
            Assert.AreEqual(MqttClientConnectResultCode.Success, okCode);
        }
    }

    [TestMethod]
    public async Task A_car_should_publish_only_its_own_topics_and_read_only_its_own_commands()
    {
        using var broker = new MosquittoFixture("car-a", "car-b");
        var (fleet, f) = await TestClient.ConnectAsync(broker.Port, MosquittoFixture.FleetUser, "fleet");
        var (a, ca) = await TestClient.ConnectAsync(broker.Port, "car-a", "car-a");
        var (b, cb) = await TestClient.ConnectAsync(broker.Port, "car-b", "car-b");
        await using (fleet)
        await using (a)
        await using (b)
        {
            Assert.AreEqual(MqttClientConnectResultCode.Success, f);
            Assert.AreEqual(MqttClientConnectResultCode.Success, ca);
            Assert.AreEqual(MqttClientConnectResultCode.Success, cb);
            await fleet.SubscribeAsync("rangeguard/v1/#");
            await a.SubscribeAsync("rangeguard/v1/car-b/cmd/#"); // snooping on B's commands
            await a.SubscribeAsync("rangeguard/v1/car-a/cmd/+");
            await b.SubscribeAsync("rangeguard/v1/car-b/cmd/+");

            // Allowed: A's own telemetry and a command result; the fleet sees both.
            Assert.AreEqual(MqttClientPublishReasonCode.Success, await a.PublishAsync("rangeguard/v1/car-a/telemetry", "{\"v\":1}"));
            Assert.AreEqual(MqttClientPublishReasonCode.Success, await a.PublishAsync("rangeguard/v1/car-a/cmd/ping/result", "{\"ok\":true}"));

            // Refused: into B's tree, a command into its own cmd/, anything outside rangeguard/v1/<own id>/.
            Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, await a.PublishAsync("rangeguard/v1/car-b/alerts", "{\"forged\":true}"));
            Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, await a.PublishAsync("rangeguard/v1/car-a/cmd/route", "{\"id\":\"self\"}"));
            Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, await a.PublishAsync("rangeguard/v1/car-b/cmd/ack", "{\"id\":\"x\",\"code\":\"all\"}"));
            Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, await a.PublishAsync("other/topic", "x"));

            // The fleet commands B: B gets it, A (subscribed to B's cmd/#) does not.
            Assert.AreEqual(MqttClientPublishReasonCode.Success, await fleet.PublishAsync("rangeguard/v1/car-b/cmd/ping", "{\"id\":\"p\"}"));
            var atB = await b.WaitForAsync("/car-b/cmd/ping", 1, Wait);
            Assert.AreEqual(1, atB.Count);

            var fleetSaw = await fleet.WaitForAsync("/car-a/cmd/ping/result", 1, Wait);
            Assert.AreEqual(1, fleetSaw.Count);
            await Task.Delay(Quiet);
            Assert.AreEqual(1, (await fleet.WaitForAsync("/car-a/telemetry", 1, Wait)).Count, "the fleet reads every car");
            Assert.AreEqual(0, (await fleet.WaitForAsync("/car-b/alerts", 1, TimeSpan.Zero)).Count, "the forged alert never reached anyone");
            Assert.AreEqual(0, (await a.WaitForAsync("/cmd/ping", 1, TimeSpan.Zero)).Count, "A read none of B's commands");
            Assert.AreEqual(0, (await fleet.WaitForAsync("/car-a/cmd/route", 1, TimeSpan.Zero)).Count);

            // The fleet writes only commands.
            Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, await fleet.PublishAsync("rangeguard/v1/car-a/status", "{\"state\":\"online\"}", retain: true));
        }
    }

    [TestMethod]
    public void Mosquitto_clients_should_work_as_independent_clients_with_the_same_acl()
    {
        using var broker = new MosquittoFixture("car-a", "car-b");
        // A retained status by car-a, read back by the fleet with mosquitto_sub (-C 1: one message, -W: timeout).
        broker.Client("mosquitto_pub", "car-a", "-q", "1", "-r", "-t", "rangeguard/v1/car-a/status", "-m", "{\"v\":1,\"state\":\"online\"}");
        string seen = broker.Client("mosquitto_sub", MosquittoFixture.FleetUser, "-q", "1", "-C", "1", "-W", "5", "-v", "-t", "rangeguard/v1/+/status");
        StringAssert.StartsWith(seen, "rangeguard/v1/car-a/status {\"v\":1,\"state\":\"online\"}");

        // car-b reads nothing in car-a's tree, not even the retained status.
        string snoop = broker.Client("mosquitto_sub", "car-b", "-q", "1", "-C", "1", "-W", "2", "-v", "-t", "rangeguard/v1/car-a/status");
        Assert.AreEqual(string.Empty, snoop.Trim(), "car-b reads nothing of car-a");
    }
}
