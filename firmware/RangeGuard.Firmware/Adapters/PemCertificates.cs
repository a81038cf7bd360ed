using System;
using System.Security.Cryptography.X509Certificates;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// The broker's CA and the optional client certificate from the PEM files on <c>I:\</c>, as System.Net's X509 classes
    /// take them. Their byte[] constructors hand the bytes as they are to mbedTLS (nf-interpreter
    /// ssl_parse_certificate_internal: "when the format is a string it has to include the terminator otherwise the parse
    /// will fail"; mbedtls_pk_parse_key has the same rule for a PEM key), and a file read from flash has no terminating
    /// zero: without one the parse fails and the constructor throws. Only the string constructors add it, so PEM text
    /// gets a 0 appended here; DER (binary) data is passed unchanged.
    /// </summary>
    public static class PemCertificates
    {
        /// <summary>The CA certificate (PEM or DER); throws when mbedTLS cannot parse it.</summary>
        public static X509Certificate Ca(byte[] caCert)
        {
            return new X509Certificate(Terminated(caCert));
        }

        /// <summary>The client certificate with its private key, or null when neither is set; both are needed.</summary>
        public static X509Certificate Client(byte[] clientCert, byte[] clientKey)
        {
            if (clientCert == null && clientKey == null)
            {
                return null;
            }

            if (clientCert == null || clientKey == null)
            {
                throw new ArgumentException("client_cert_file and client_key_file go together");
            }

            return new X509Certificate2(Terminated(clientCert), Terminated(clientKey), null);
        }

        /// <summary>PEM text with a terminating 0 (a copy one byte longer); DER or already terminated data as it is.</summary>
        public static byte[] Terminated(byte[] data)
        {
            if (data == null || data.Length == 0 || data[data.Length - 1] == 0 || !IsPem(data))
            {
                return data;
            }

            byte[] text = new byte[data.Length + 1];
            Array.Copy(data, text, data.Length);
            text[data.Length] = 0;
            return text;
        }

        /// <summary>
        /// PEM starts with "-----BEGIN" after optional white space or a UTF-8 byte order mark; DER starts with an ASN.1
        /// SEQUENCE (0x30).
        /// </summary>
        private static bool IsPem(byte[] data)
        {
            for (int i = 0; i < data.Length; i++)
            {
                byte b = data[i];
                if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n' || b == 0xEF || b == 0xBB || b == 0xBF)
                {
                    continue;
                }

                return b == (byte)'-';
            }

            return false;
        }
    }
}
