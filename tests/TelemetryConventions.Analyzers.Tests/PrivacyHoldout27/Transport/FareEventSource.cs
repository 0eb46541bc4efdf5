using System.Diagnostics.Tracing;

namespace PrivacyHoldout27.Transport;

/// <summary>The fare engine's EventSource, collected on the validator gateways by an EventPipe agent.</summary>
[EventSource(Name = "Transit-Fares")]
public sealed class FareEventSource : EventSource
{
    public static readonly FareEventSource Log = new();

    [Event(1, Level = EventLevel.Warning, Message = "Tap by card {1} rejected on {0}: {2}")]
    public void TapRejected(string operatorId, string cardNumber, string reason) => WriteEvent(1, operatorId, cardNumber, reason); // leak TC1001 direct

    [Event(2, Level = EventLevel.Verbose)]
    public void TapAccepted(string operatorId, string stopId, int fareMinorUnits) => WriteEvent(2, operatorId, stopId, fareMinorUnits); // clean direct

    [Event(3, Level = EventLevel.Informational, Message = "Daily cap reached by card ending {1} on {0}")]
    public void CapReached(string operatorId, string cardLastFour, int capMinorUnits) => WriteEvent(3, operatorId, cardLastFour, capMinorUnits); // clean precision-about
}
