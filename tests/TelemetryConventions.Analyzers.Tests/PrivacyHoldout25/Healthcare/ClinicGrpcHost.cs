using System;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout25.Healthcare;

public static class ClinicGrpcHost
{
    public static IServiceCollection AddClinicGrpc(this IServiceCollection services)
    {
        services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<ClinicalAuditInterceptor>();
        });
        services.AddSingleton<HealthServiceImpl>();
        return services;
    }
}

/// <summary>Keeps the standard health service up to date with the patient index's reachability.</summary>
public sealed class ClinicHealthProbe(HealthServiceImpl health, IPatientIndex index, ILogger<ClinicHealthProbe> logger)
{
    private const string Service = PatientRecords.ServiceName;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        HealthCheckResponse.Types.ServingStatus status;
        try
        {
            // The index's synthetic test patient (999 999 9999 is not a valid NHS number and names no one).
            await index.FindByNhsNumberAsync("9999999999", cancellationToken);
            status = HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            status = HealthCheckResponse.Types.ServingStatus.NotServing;
        }

        health.SetStatus(Service, status);
        logger.LogInformation("Health of {Service} set to {Status}", Service, status); // clean precision-names
    }
}
