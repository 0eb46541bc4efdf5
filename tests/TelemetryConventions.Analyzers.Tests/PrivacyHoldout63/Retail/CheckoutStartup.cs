using System;
using System.Data.Common;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyHoldout63.Retail;

public sealed class CheckoutOptions
{
    /// <summary>The fraud analyst on duty this week; referrals are emailed to them.</summary>
    public string FraudAnalystEmail { get; set; } = string.Empty;

    /// <summary>The payments team's shared mailbox.</summary>
    public string PaymentsOpsMailbox { get; set; } = "payments-ops@shop.example";

    public string[] StoreIds { get; set; } = Array.Empty<string>();

    public int AuthorisationRetries { get; set; } = 1;

    public TimeSpan ProviderBreakDuration { get; set; } = TimeSpan.FromSeconds(20);
}

public sealed class CheckoutOptionsValidator : IValidateOptions<CheckoutOptions>
{
    private static readonly Regex StoreIdPattern = new(@"^S\d{4}$", RegexOptions.Compiled);

    public ValidateOptionsResult Validate(string? name, CheckoutOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var storeId in options.StoreIds.Where(s => !StoreIdPattern.IsMatch(s)))
        {
            builder.AddError($"store id '{storeId}' is not S and four digits", nameof(options.StoreIds));
        }

        if (options.AuthorisationRetries is < 0 or > 3)
        {
            builder.AddError($"{options.AuthorisationRetries} retries would double-charge on slow PSPs", nameof(options.AuthorisationRetries));
        }

        if (string.IsNullOrEmpty(options.FraudAnalystEmail))
        {
            builder.AddError("no fraud analyst on duty", nameof(options.FraudAnalystEmail));
        }

        return builder.Build();
    }
}

/// <summary>Logs what the checkout API starts with. The support container also connects to the reporting replica as the on-call engineer (User ID is their Entra login, set from SUPPORT_UPN).</summary>
public sealed class CheckoutStartup(
    IOptions<CheckoutOptions> options,
    IValidateOptions<CheckoutOptions> validator,
    IConfiguration configuration,
    ILogger<CheckoutStartup> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var validation = validator.Validate(null, settings);
        if (validation.Failed)
        {
            logger.LogError("Checkout options invalid: {Failures}", validation.FailureMessage); // clean cross-member
        }

        logger.LogInformation("Fraud referrals go to {FraudAnalyst}", settings.FraudAnalystEmail); // leak TC1001 direct
        logger.LogInformation("Payment incidents go to {PaymentsOpsMailbox}", settings.PaymentsOpsMailbox); // clean precision-names
        logger.LogInformation("{StoreCount} stores, {Retries} authorisation retries, breaks of {BreakDuration}", settings.StoreIds.Length, settings.AuthorisationRetries, settings.ProviderBreakDuration);

        // Server=sql-orders;Database=orders;User ID=svc_checkout;Password=…: the service's own account.
        var orders = new DbConnectionStringBuilder { ConnectionString = configuration.GetConnectionString("Orders") ?? string.Empty };
        orders.Remove("Password");
        logger.LogInformation("Orders database: {ConnectionString}", orders.ConnectionString); // clean strings

        var replica = configuration.GetConnectionString("ReportingReplica");
        if (replica is not null)
        {
            var reporting = new DbConnectionStringBuilder();
            try
            {
                reporting.ConnectionString = replica;
            }
            catch (ArgumentException ex)
            {
                logger.LogError(ex, "Reporting replica connection string is malformed"); // clean exceptions
                return Task.CompletedTask;
            }

            logger.LogInformation("Reporting replica: {ConnectionString}", reporting.ConnectionString); // leak TC1001 strings
            logger.LogInformation("Reporting replica on {Server} with {Authentication}", reporting.TryGetValue("Server", out var server) ? server : "?", reporting.TryGetValue("Authentication", out var auth) ? auth : "sql"); // clean precision-about
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Checkout API started");
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Checkout API stopping; draining authorisations");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
