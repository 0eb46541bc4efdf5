using Clinic.V1;
using Google.Protobuf.WellKnownTypes;

namespace PrivacyHoldout112.Healthcare;

public interface IPatientIndex
{
    Task<PatientSummary?> FindAsync(PatientLookupRequest.KeyOneofCase keyCase, string key, CancellationToken cancellationToken);
}

public static class NhsNumberCheck
{
    public static bool IsValid(string nhsNumber) =>
        nhsNumber.Length == 10 && nhsNumber.All(char.IsDigit);
}

/// <summary>
/// clinic.v1.PatientRecords on the EPR's gRPC host: the patient summary by NHS number or hospital number, for the
/// ward systems and the clinic letters service. Ward systems send the consultant's staff number in
/// <c>x-staff-number</c>.
/// </summary>
public sealed class PatientRecordsService(
    IPatientIndex index,
    Pseudonymizer pseudonymizer,
    ILogger<PatientRecordsService> logger) : PatientRecords.PatientRecordsBase
{
    private static readonly ActivitySource Source = new("Trust.Epr.PatientRecords");
    private static readonly Meter Meter = new("Trust.Epr.PatientRecords");

    public override async Task<PatientSummary> GetSummary(PatientLookupRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartClinicrpcCall(context.Method)
            .SetClinicrpcProtocol("grpc")
            .SetClinicrpcDeadlineRemaining((long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds); // clean precision-about
        var activity = Activity.Current;
        activity?.SetTag("clinic.lookup.key_case", request.KeyCase.ToString()); // clean precision-names
        activity?.SetTag("clinic.lookup.read_mask", request.ReadMask?.ToString()); // clean precision-names

        var staffNumber = context.RequestHeaders.GetValue("x-staff-number") ?? "unknown";
        span.SetClinicrpcClinicianId(pseudonymizer.PseudonymizeClinicrpcClinicianId(staffNumber)); // clean precision-pseudonym
        logger.LogDebug("Summary lookup requested by consultant {StaffNumber}", staffNumber); // leak TC1001 direct

        var key = request.KeyCase == PatientLookupRequest.KeyOneofCase.NhsNumber ? request.NhsNumber : request.HospitalNumber;
        activity?.SetTag("clinic.lookup.key_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]); // leak TC1002 hashes

        if (request.KeyCase == PatientLookupRequest.KeyOneofCase.NhsNumber && !NhsNumberCheck.IsValid(request.NhsNumber))
        {
            var badRequest = new Google.Rpc.BadRequest();
            badRequest.FieldViolations.Add(new Google.Rpc.BadRequest.Types.FieldViolation
            {
                Field = "nhs_number",
                Description = $"{request.NhsNumber} fails the modulus 11 check",
            });
            logger.LogWarning("Refusing summary lookup: {Violations}", badRequest.FieldViolations); // leak TC1001 logging-objects
            logger.LogWarning("Refused fields {Fields}", string.Join(",", badRequest.FieldViolations.Select(v => v.Field))); // clean strings
            var status = new RpcStatus { Code = (int)Google.Rpc.Code.InvalidArgument, Message = "nhs_number is not a valid NHS number" };
            status.Details.Add(Any.Pack(badRequest));
            span.SetClinicrpcRpcStatus(nameof(StatusCode.InvalidArgument)).SetClinicrpcOutcome("rejected"); // clean precision-names
            throw status.ToRpcException(); // clean exceptions
        }

        var summary = await index.FindAsync(request.KeyCase, key, context.CancellationToken);
        if (summary is null)
        {
            span.SetClinicrpcOutcome("not_found").SetClinicrpcRpcStatus(nameof(StatusCode.NotFound)); // clean precision-names
            throw new RpcException(new Status(StatusCode.NotFound, $"No patient with {request.KeyCase} {key}")); // leak TC1001 exceptions
        }

        span.SetClinicrpcPatientId(pseudonymizer.PseudonymizeClinicrpcPatientId(summary.HospitalNumber)); // clean precision-pseudonym
        activity?.SetTag("clinic.encounter.count", summary.EncounterIds.Count); // clean precision-about
        activity?.SetTag("clinic.ward", summary.Ward); // clean precision-names
        activity?.SetTag("clinic.patient.family_name", summary.FamilyName); // leak TC1001 direct
        logger.LogInformation("Returned summary {Summary}", summary); // leak TC1001 logging-objects
        logger.LogDebug("Encounters in summary: {Encounters}", summary.EncounterIds); // clean logging-objects

        context.ResponseTrailers.Add("x-encounter-count", summary.EncounterIds.Count.ToString(CultureInfo.InvariantCulture));
        logger.LogDebug("Trailers written {Trailers}", context.ResponseTrailers); // clean logging-objects
        Meter.CreateClinicrpcCallsCounter().Add(1, context.Method, nameof(StatusCode.OK), "ok"); // clean precision-names
        Meter.CreateClinicrpcCallDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, context.Method, "grpc"); // clean precision-about
        return summary;
    }
}
