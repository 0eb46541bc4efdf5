using System.Diagnostics.Tracing;

namespace PrivacyHoldout27.Healthcare;

/// <summary>
/// The EPR's EventSource. Operations collect it with dotnet-monitor and the trust's ETW sessions; an
/// in-process listener also forwards warnings to the log pipeline.
/// </summary>
[EventSource(Name = "Trust-Epr-Clinical")]
public sealed class ClinicalEventSource : EventSource
{
    public static readonly ClinicalEventSource Log = new();

    private ClinicalEventSource()
    {
    }

    public static class Keywords
    {
        public const EventKeywords Admissions = (EventKeywords)0x1;
        public const EventKeywords Access = (EventKeywords)0x2;
    }

    [Event(1, Level = EventLevel.Informational, Keywords = Keywords.Admissions, Message = "Admission started on {0} for {1}")]
    public void AdmissionStarted(string ward, string hospitalNumber) => WriteEvent(1, ward, hospitalNumber); // leak TC1001 direct

    [Event(2, Level = EventLevel.Informational, Keywords = Keywords.Admissions)]
    public void BedOccupancyChanged(string ward, int occupiedBeds, int patientCount) => WriteEvent(2, ward, occupiedBeds, patientCount); // clean precision-names

    [Event(3, Level = EventLevel.Warning, Keywords = Keywords.Access, Message = "Access to {1} denied in {0}: {2}")]
    public void RecordAccessDenied(string trustCode, string patientRef, string reason) => WriteEvent(3, trustCode, patientRef, reason); // clean precision-pseudonym

    [Event(4, Level = EventLevel.Error, Keywords = Keywords.Admissions)]
    public void AdmissionFailed(string ward, string errorType, string detail)
    {
        if (IsEnabled(EventLevel.Error, Keywords.Admissions))
        {
            WriteEvent(4, ward, errorType, detail);
        }
    }
}
