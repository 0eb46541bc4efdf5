using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Healthcare;

public sealed record GetResultsRequest(string Mrn, string? OrderId, int PageSize);

public sealed record GetResultsReply(IReadOnlyList<string> ResultIds);

/// <summary>Adds the caller and the patient header to the server span of every lab call.</summary>
public sealed class PatientContextInterceptor(ILogger<PatientContextInterceptor> logger, TelemetrySecrets secrets) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, GrpcCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method);
        var patientHeader = context.RequestHeaders.GetValue("x-patient-mrn");
        if (patientHeader is not null)
        {
            activity?.SetTag("lab.patient.present", true); // clean precision-about
            activity?.SetTag("lab.patient.bucket", Bucket(patientHeader)); // clean hashes
            activity?.SetBaggage("lab.patient.mrn", patientHeader); // leak TC1001 direct
        }

        try
        {
            return await continuation(request, context);
        }
        catch (GrpcStatusException ex)
        {
            logger.LogError("Lab call {Method} failed with {Status} ({ErrorType})", context.Method, ex.Status, ex.GetType().Name); // clean exceptions
            throw;
        }
    }

    private string Bucket(string mrn)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(mrn));
        return (digest[0] % 16).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class LabResultsService(ILabArchive archive, ILogger<LabResultsService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Lab.Results.Grpc");

    public async Task<GetResultsReply> GetResults(GetResultsRequest request, GrpcCallContext context)
    {
        using var span = Source.StartLabResult(pseudonymizer.PseudonymizeLabPatientId(request.Mrn)); // clean generated-api
        span.SetLabOrderId(request.OrderId ?? "all");

        if (!archive.TryFind(request.Mrn, out var results))
        {
            span.SetLabDetail($"no results on file for {request.Mrn}"); // leak TC1001 generated-api
            throw new GrpcStatusException("NotFound", $"Patient {request.Mrn} has no results"); // leak TC1001 exceptions
        }

        span.SetLabSpecimenCount(results.Count); // clean precision-about
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Mrn)))[..12];
        logger.LogDebug("Serving results for patient fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes

        var ids = results.Take(request.PageSize).Select(r => r.ResultId).ToList();
        logger.LogDebug("Serving {Count} results: {ResultIds}", ids.Count, ids); // clean precision-names
        return new GetResultsReply(ids);
    }

    public async Task Amend(string mrn, string resultId, string correction)
    {
        try
        {
            await archive.AmendAsync(mrn, resultId, correction);
        }
        catch (ResultLockedException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current.EnrichLabResult(pseudonymizer.PseudonymizeLabPatientId(mrn)).RecordException(ex); // clean exceptions
            throw;
        }
    }
}

public sealed record ArchivedResult(string ResultId, string Analyte);

public interface ILabArchive
{
    bool TryFind(string mrn, out IReadOnlyList<ArchivedResult> results);

    Task AmendAsync(string mrn, string resultId, string correction);
}

public sealed class ResultLockedException(string mrn, string resultId)
    : Exception($"Result {resultId} of patient {mrn} is signed and locked.");
