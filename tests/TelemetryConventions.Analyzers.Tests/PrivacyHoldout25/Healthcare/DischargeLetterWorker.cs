using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Healthcare;

public sealed record Discharge(Guid DischargeId, string NhsNumber, string ConsultantStaffNumber, string WardCode, DateTimeOffset DischargedAt);

/// <summary>Builds discharge letters: fetches the patient's summary from <see cref="PatientRecordsService"/> over gRPC.</summary>
public sealed class DischargeLetterWorker(PatientRecords.PatientRecordsClient records, ILogger<DischargeLetterWorker> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Clinic.Discharge");

    public async Task<PatientSummary?> FetchSummaryAsync(Discharge discharge, CancellationToken cancellationToken)
    {
        var headers = new Metadata
        {
            { "x-staff-number", discharge.ConsultantStaffNumber },
            { "x-correlation-id", discharge.DischargeId.ToString("N") },
        };
        headers.Add("x-patient-context-bin", Encoding.UTF8.GetBytes(discharge.NhsNumber));
        logger.LogDebug("GetSummary with headers {Headers}", headers); // leak TC1001 logging-objects
        logger.LogDebug("GetSummary with {HeaderCount} headers ({HeaderKeys})", headers.Count, string.Join(",", headers.Select(h => h.Key))); // clean precision-names

        using var span = Source.StartGrpcCallHandle("/clinic.PatientRecords/GetSummary", "discharge.fetch_summary");
        span.SetGrpcCallSubjectId(pseudonymizer.PseudonymizeGrpcCallSubjectId(discharge.NhsNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("clinic.patient.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(discharge.NhsNumber)))[..16]); // leak TC1002 hashes

        try
        {
            var request = new PatientLookupRequest { NhsNumber = discharge.NhsNumber, ReadMask = FieldMask.FromString("family_name,given_name,allergies,gp_practice_code") };
            using var call = records.GetSummaryAsync(request, headers, deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
            var summary = await call.ResponseAsync;
            span.SetGrpcCallStatus(call.GetStatus().StatusCode.ToString()); // clean precision-about
            logger.LogInformation("Letter for discharge {DischargeId} lists {AllergyCount} allergies, GP practice {Practice}", discharge.DischargeId, summary.Allergies.Count, summary.GpPracticeCode ?? "none"); // clean precision-about
            return summary;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            logger.LogWarning(ex, "Patient index too slow for discharge {DischargeId}", discharge.DischargeId); // clean exceptions
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            span.SetGrpcCallStatus("NotFound");
            logger.LogWarning("Discharge {DischargeId}: {Error}", discharge.DischargeId, ex.Message); // leak TC1001 exceptions
            return null;
        }
    }
}
