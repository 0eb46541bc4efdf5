// Generated-style code for clinic/v1/*.proto (package clinic.v1). ToString() prints the JSON of the set fields.
using Google.Protobuf.WellKnownTypes;

namespace Clinic.V1;

public sealed partial class PatientLookupRequest : IMessage<PatientLookupRequest>
{
    public enum KeyOneofCase { None = 0, NhsNumber = 1, HospitalNumber = 2 }

    public string NhsNumber { get; set; } = string.Empty;

    public string HospitalNumber { get; set; } = string.Empty;

    public KeyOneofCase KeyCase => NhsNumber.Length > 0 ? KeyOneofCase.NhsNumber : HospitalNumber.Length > 0 ? KeyOneofCase.HospitalNumber : KeyOneofCase.None;

    public FieldMask? ReadMask { get; set; }

    public PatientLookupRequest Clone() => (PatientLookupRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class PatientSummary : IMessage<PatientSummary>
{
    public string HospitalNumber { get; set; } = string.Empty;

    public string FamilyName { get; set; } = string.Empty;

    public string GivenName { get; set; } = string.Empty;

    public string Ward { get; set; } = string.Empty;

    public RepeatedField<string> EncounterIds { get; } = new();

    public int AllergyCount { get; set; }

    public PatientSummary Clone() => (PatientSummary)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ResultsSubscription : IMessage<ResultsSubscription>
{
    public string Ward { get; set; } = string.Empty;

    public Timestamp? Since { get; set; }

    public ResultsSubscription Clone() => (ResultsSubscription)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class LabResult : IMessage<LabResult>
{
    public string EncounterId { get; set; } = string.Empty;

    public string HospitalNumber { get; set; } = string.Empty;

    public string LoincCode { get; set; } = string.Empty;

    public double Value { get; set; }

    public string Unit { get; set; } = string.Empty;

    public bool Abnormal { get; set; }

    public LabResult Clone() => (LabResult)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ListAppointmentsRequest : IMessage<ListAppointmentsRequest>
{
    /// <summary>The patient app's account id of the signed-in patient.</summary>
    public string PortalAccountId { get; set; } = string.Empty;

    public int PageSize { get; set; }

    public string PageToken { get; set; } = string.Empty;

    public ListAppointmentsRequest Clone() => (ListAppointmentsRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class Appointment : IMessage<Appointment>
{
    public string AppointmentId { get; set; } = string.Empty;

    public string Clinic { get; set; } = string.Empty;

    public Timestamp? StartsAt { get; set; }

    public Appointment Clone() => (Appointment)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ListAppointmentsResponse : IMessage<ListAppointmentsResponse>
{
    public RepeatedField<Appointment> Appointments { get; } = new();

    public string NextPageToken { get; set; } = string.Empty;

    public ListAppointmentsResponse Clone() => (ListAppointmentsResponse)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public static partial class PatientRecords
{
    public const string ServiceName = "clinic.v1.PatientRecords";

    public abstract partial class PatientRecordsBase
    {
        public virtual Task<PatientSummary> GetSummary(PatientLookupRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class LabResults
{
    public const string ServiceName = "clinic.v1.LabResults";

    public abstract partial class LabResultsBase
    {
        public virtual Task StreamResults(ResultsSubscription request, IServerStreamWriter<LabResult> responseStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class PatientAppointments
{
    public const string ServiceName = "clinic.v1.PatientAppointments";

    public abstract partial class PatientAppointmentsBase
    {
        public virtual Task<ListAppointmentsResponse> ListAppointments(ListAppointmentsRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}
