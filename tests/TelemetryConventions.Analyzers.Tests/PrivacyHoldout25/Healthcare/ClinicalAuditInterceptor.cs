using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using TelemetrySecrets = PrivacyCorpus.Shared.TelemetrySecrets;
using TelemetryConventions;

namespace PrivacyHoldout25.Healthcare;

/// <summary>
/// Registered for every service of the clinic's gRPC host (see <see cref="ClinicGrpcHost"/>), so it sees
/// <see cref="PatientRecordsService"/>'s lookups by NHS and hospital number.
/// </summary>
public sealed class ClinicalAuditInterceptor(ILogger<ClinicalAuditInterceptor> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var staffNumber = context.RequestHeaders.GetValue("x-staff-number") ?? "unknown";
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["GrpcMethod"] = context.Method, ["StaffNumber"] = staffNumber }); // leak TC1001 direct
        Activity.Current?.SetTag("clinic.staff.ref", pseudonymizer.Compute("clinic.staff", staffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("clinic.request.type", typeof(TRequest).Name); // clean precision-names
        Activity.Current?.SetTag("clinic.audit.shard", AuditShard(staffNumber)); // clean hashes
        if (context.RequestHeaders.GetValueBytes("x-patient-context-bin") is { } patientContext)
        {
            Activity.Current?.SetTag("clinic.patient.context", Encoding.UTF8.GetString(patientContext)); // leak TC1001 strings
            Activity.Current?.SetTag("clinic.patient.context_bytes", patientContext.Length); // clean precision-about
        }

        try
        {
            var response = await continuation(request, context);
            logger.LogInformation("{Method} served, {TrailerCount} trailers", context.Method, context.ResponseTrailers.Count); // clean precision-about
            return response;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            logger.LogInformation("{Method} found nothing: {Detail}", context.Method, ex.Status.Detail); // leak TC1001 exceptions
            throw;
        }
        catch (RpcException ex)
        {
            Activity.Current?.SetTag("clinic.rpc.status", ex.StatusCode.ToString()); // clean exceptions
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Method} failed for {Request}", context.Method, request); // leak TC1001 logging-objects
            throw;
        }
    }

    private int AuditShard(string staffNumber)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(staffNumber));
        return mac[0] % 16;
    }
}
