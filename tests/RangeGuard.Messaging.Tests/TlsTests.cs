using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;

namespace RangeGuard.Messaging.Tests;

/// <summary>The host link over TLS to mosquitto (throwaway CA made by the test): the CA is required, a client certificate when the broker asks.</summary>
[TestClass]
public class TlsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static MqttNetLink Link(MosquittoFixture broker, TestCertificates certs, bool ca, bool clientCert)
    {
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, "car-tls");
        var address = new BrokerAddress
        {
            Host = "127.0.0.1",
            Port = broker.Port,
            Tls = true,
            Username = "car-tls",
            Password = MosquittoFixture.Password,
            CaCertificatePath = ca ? certs.CaCert : null,
            ClientCertificatePath = clientCert ? certs.ClientCert : null,
            ClientKeyPath = clientCert ? certs.ClientKey : null,
        };
        return new MqttNetLink(address.ToLinkOptions("car-tls", topics.Status, MqttContract.LastWill, new[] { topics.CommandFilter }));
    }

    [TestMethod]
    public async Task Tls_should_need_the_ca_and_a_client_certificate_when_the_broker_requires_one()
    {
        using (var certs = new TestCertificates(requireClientCertificate: false))
        using (var broker = new MosquittoFixture(certs, "car-tls"))
        {
            var untrusted = Link(broker, certs, ca: false, clientCert: false);
            untrusted.Start();
            Assert.IsFalse(await untrusted.WaitConnectedAsync(TimeSpan.FromSeconds(2)), "the test CA is not in the system's trust store");
            untrusted.Abort();

            var link = Link(broker, certs, ca: true, clientCert: false);
            link.Start();
            Assert.IsTrue(await link.WaitConnectedAsync(Wait), link.LastError);
            Assert.IsTrue(link.TryPublish("rangeguard/v1/car-tls/status", "{\"v\":1,\"state\":\"online\"}", 1, true, out _));
            await Task.Delay(300);
            // mosquitto_sub over TLS with the same CA: an independent client reads what the car published.
            string seen = broker.Client("mosquitto_sub", MosquittoFixture.FleetUser, "--cafile", certs.CaCert, "-C", "1", "-W", "5", "-t", "rangeguard/v1/car-tls/status");
            Assert.AreEqual("{\"v\":1,\"state\":\"online\"}", seen.Trim());
            await link.CloseAsync();
        }

        using (var certs = new TestCertificates(requireClientCertificate: true))
        using (var broker = new MosquittoFixture(certs, "car-tls"))
        {
            var noCert = Link(broker, certs, ca: true, clientCert: false);
            noCert.Start();
            Assert.IsFalse(await noCert.WaitConnectedAsync(TimeSpan.FromSeconds(2)), "the broker demands a client certificate");
            noCert.Abort();

            var link = Link(broker, certs, ca: true, clientCert: true);
            link.Start();
            Assert.IsTrue(await link.WaitConnectedAsync(Wait), link.LastError);
            await link.CloseAsync();
        }
    }
}
