using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout72.Energy;

/// <summary>
/// Proxies the customer app's <c>/api/meter/readings</c> to the metering platform, which addresses a
/// meter by its serial: the transform looks the serial up from the account claim and rewrites the
/// path to <c>/meters/{serial}/readings</c>. Smart-meter serials identify a household.
/// </summary>
public sealed class MeterReadingsTransformProvider(IMeterDirectory directory, Pseudonymizer pseudonymizer, ShardKey shardKey, ILogger<MeterReadingsTransformProvider> logger) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.ClusterId != "metering")
        {
            return;
        }

        context.AddRequestHeaderRemove("X-Account-Number");
        context.AddRequestTransform(async transform =>
        {
            var accountNumber = transform.HttpContext.User.FindFirst("account_number")!.Value;
            var meter = await directory.FindByAccountAsync(accountNumber, transform.CancellationToken);
            if (meter is null)
            {
                logger.LogWarning("No smart meter on account {AccountRef}", pseudonymizer.PseudonymizeAccountCustomerId(accountNumber)); // clean precision-pseudonym
                return;
            }

            transform.Path = $"/meters/{meter.Serial}/readings";
            logger.LogDebug("Rewrote readings path to {Path}", transform.Path); // leak TC1001 strings
            logger.LogDebug("Rewrote readings path for model {Model}", meter.Serial[..3]); // clean precision-about
            Activity.Current?.SetTag("account.meter.serial_sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(meter.Serial)))); // leak TC1002 hashes
            Activity.Current?.SetTag("account.meter.shard", HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(meter.Serial))[0] & 0x0F); // clean hashes
            Activity.Current?.SetTag("account.meter.type", meter.Type); // clean precision-about
            Activity.Current?.SetTag("account.meter.firmware", meter.Firmware); // clean precision-about
        });
    }
}

public interface IMeterDirectory
{
    Task<MeterRecord?> FindByAccountAsync(string accountNumber, CancellationToken ct);
}

public sealed record MeterRecord(string Serial, string Mpan, string Type, string Firmware);

/// <summary>
/// A dynamic proxy configuration for the supplier's migration: accounts already migrated to the new
/// billing platform are routed to the <c>billing-v2</c> cluster by a per-account route whose metadata
/// names the account. The config is rebuilt every five minutes and summarised in the log.
/// </summary>
public sealed class MigrationProxyConfig(IReadOnlyList<string> migratedAccounts, ILogger<MigrationProxyConfig> logger) : IProxyConfigProvider
{
    public IProxyConfig GetConfig()
    {
        var routes = migratedAccounts.Select(account => new RouteConfig
        {
            RouteId = "billing-v2-" + account,
            ClusterId = "billing-v2",
            Match = new RouteMatch { Path = "/api/billing/{**rest}" },
            Metadata = new Dictionary<string, string> { ["account"] = account },
        }).ToList();
        var clusters = new List<ClusterConfig>
        {
            new() { ClusterId = "billing-v2", Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = "https://billing-v2.internal/" } } },
        };

        logger.LogInformation("Proxy config rebuilt with {Routes} migration routes and {Clusters} clusters", routes.Count, clusters.Count); // clean precision-about
        logger.LogDebug("Migration routes {RouteIds}", routes.Select(r => r.RouteId)); // leak TC1001 cross-member
        logger.LogDebug("Migration clusters {@Clusters}", clusters); // clean logging-objects
        return new Config(routes, clusters);
    }

    private sealed record Config(IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) : IProxyConfig;
}

/// <summary>Middleware after the proxy: which billing cluster served the account, for the migration dashboard.</summary>
public sealed class BillingRouteReporter(Pseudonymizer pseudonymizer, Meter meter, ILogger<BillingRouteReporter> logger)
{
    private readonly AccountRequestsCounter _requests = meter.CreateAccountRequestsCounter();
    private readonly Counter<long> _byCluster = meter.CreateCounter<long>("account.billing.routed");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);

        var feature = context.Features.Get<Yarp.ReverseProxy.Model.IReverseProxyFeature>();
        var route = feature?.Route.Config;
        if (route is null)
        {
            return;
        }

        var account = route.Metadata?.GetValueOrDefault("account");
        _byCluster.Add(1, new KeyValuePair<string, object?>("cluster", route.ClusterId)); // clean precision-names
        _byCluster.Add(1, new KeyValuePair<string, object?>("route", route.RouteId)); // leak TC1003 cross-member
        _requests.Add(1, "billing", AccountUpstream.Billing, route.ClusterId == "billing-v2" ? "migrated" : "legacy"); // clean precision-about
        Activity.Current.EnrichAccountRequest("billing").SetAccountCustomerId(pseudonymizer.PseudonymizeAccountCustomerId(account ?? "unknown")).SetAccountNote($"served by {route.ClusterId}"); // clean precision-pseudonym
        Activity.Current.EnrichAccountRequest("billing").SetAccountNote($"migrated account {account}"); // leak TC1001 generated-api
        logger.LogInformation("Billing for {Account} served by {Cluster}", account, route.ClusterId); // leak TC1001 direct
    }
}
