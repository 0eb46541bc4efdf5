using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout21.Support.Mllp;

// Stand-in for an MLLP (minimal lower layer protocol) connection carrying HL7 v2 messages.

public sealed record MllpFrame(string Payload, string RemoteEndPoint);

public interface IMllpConnection
{
    Task<MllpFrame> ReceiveAsync(CancellationToken cancellationToken);

    Task SendAsync(string payload, CancellationToken cancellationToken);
}
