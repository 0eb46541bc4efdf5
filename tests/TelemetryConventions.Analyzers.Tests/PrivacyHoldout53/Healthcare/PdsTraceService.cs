using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using PrivacyHoldout53.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout53.Healthcare;

public static class PdsRegistration
{
    private static readonly Meter Meter = new("Trust.Integration.Pds");

    public static IServiceCollection AddPdsDemographics(this IServiceCollection services, ILogger logger)
    {
        services.AddHttpClient<PdsDemographicsClient>(client => client.BaseAddress = new Uri("https://api.service.nhs.uk/personal-demographics/FHIR/R4/"))
            .AddHttpMessageHandler<PdsAccessTokenHandler>()
            .AddHttpMessageHandler<PdsExchangeLoggingHandler>()
            .AddResilienceHandler("pds", pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    OnRetry = args =>
                    {
                        var uri = args.Outcome.Result?.RequestMessage?.RequestUri;
                        logger.LogWarning("Retrying {Uri} after {Status}, attempt {Attempt}", uri, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber); // leak TC1001 cross-member
                        logger.LogPartnerRetryScheduledEvent("pds", args.AttemptNumber + 1, args.RetryDelay.TotalSeconds, (long?)args.Outcome.Result?.StatusCode); // clean generated-api
                        Meter.CreatePartnerRetriesCounter().Add(1, "pds", args.Context.OperationKey, args.Outcome.Exception?.GetType().Name ?? "status"); // clean exceptions
                        return default;
                    },
                });
                pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    Timeout = TimeSpan.FromSeconds(10),
                    OnTimeout = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        logger.LogWarning("PDS call {Operation} to {Path} timed out after {Timeout}", args.Context.OperationKey, request?.RequestUri?.PathAndQuery, args.Timeout); // leak TC1001 cross-member
                        logger.LogWarning("PDS call {Operation} ({Method}) timed out after {Timeout}", args.Context.OperationKey, request?.Method, args.Timeout); // clean direct
                        return default;
                    },
                });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 20,
                    OnOpened = args =>
                    {
                        logger.LogError(args.Outcome.Exception, "PDS circuit opened for {Duration}, last status {Status}", args.BreakDuration, (int?)args.Outcome.Result?.StatusCode); // clean exceptions
                        Meter.CreatePartnerCircuitTransitionsCounter().Add(1, "pds", "open"); // clean direct
                        return default;
                    },
                    OnClosed = args =>
                    {
                        logger.LogInformation("PDS circuit closed");
                        Meter.CreatePartnerCircuitTransitionsCounter().Add(1, "pds", "closed");
                        return default;
                    },
                });
            });
        return services;
    }
}

/// <summary>Traces a newly registered patient against PDS and files the result on the local record.</summary>
public sealed class PdsTraceService(PdsDemographicsClient pds, ILogger<PdsTraceService> logger, Pseudonymizer pseudonymizer)
{
    public async Task<string> TraceAsync(string hospitalNumber, string nhsNumber, CancellationToken cancellationToken)
    {
        var nhsNumberTraceStatus = "01";
        var patientMatchStrategy = "nhs-number";
        Activity.Current?.SetTag("pds.trace.status", nhsNumberTraceStatus); // clean precision-names
        Activity.Current?.SetTag("pds.match.strategy", patientMatchStrategy); // clean precision-names

        try
        {
            var patient = await pds.GetPatientAsync(nhsNumber, cancellationToken);
            if (patient is null)
            {
                nhsNumberTraceStatus = "03";
                logger.LogInformation("Trace of hospital number {HospitalNumber} found nothing", hospitalNumber); // leak TC1001 direct
                return nhsNumberTraceStatus;
            }

            var changed = patient.Postcode is not null && patient.FamilyName is not null;
            logger.LogInformation("Trace complete, status {TraceStatus}, demographics changed: {Changed}, practice {Practice}", nhsNumberTraceStatus, changed, patient.GpPracticeCode); // clean precision-about
            logger.LogInformation("Trace complete for {Patient}", pseudonymizer.PseudonymizePartnerSubjectId(patient.NhsNumber)); // clean precision-pseudonym
            logger.LogInformation("Trace complete, postcode now {Postcode}", patient.Postcode); // leak TC1001 cross-member
            return nhsNumberTraceStatus;
        }
        catch (PdsLookupException ex) when (ex.Status == HttpStatusCode.BadRequest)
        {
            logger.LogWarning(ex, "PDS trace refused with {SpineCode}", ex.SpineCode); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return "05";
        }
        catch (PdsLookupException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogWarning("PDS trace failed with {SpineCode} ({Status})", ex.SpineCode, (int)ex.Status); // clean exceptions
            return "04";
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "PDS unreachable"); // clean exceptions
            return "02";
        }
    }

    /// <summary>Legacy correlation key shared with the old Spine Mini Service integration.</summary>
    public void TagLegacyCorrelation(string nhsNumber)
    {
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..16];
        Activity.Current?.SetTag("pds.legacy.correlation", digest); // leak TC1002 hashes
        Activity.Current?.SetTag("pds.nhs_number.last4", nhsNumber[^4..]); // clean precision-about
    }
}
