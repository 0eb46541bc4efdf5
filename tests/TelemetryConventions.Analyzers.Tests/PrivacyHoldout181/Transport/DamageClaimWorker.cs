namespace PrivacyHoldout181.Transport;

/// <summary>Damage claims after a removal: the customer describes the damage, the claims team decides and settles.</summary>
public sealed class DamageClaimWorker(
    IQueueReceiver<DamageClaim> queue,
    ILogger<DamageClaimWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Removals.Claims");
    private static readonly Meter Meter = new("Operator.Removals.Claims");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("removals.claims");
    private static readonly Histogram<double> ClaimAmount = Meter.CreateHistogram<double>("removals.claim.amount");
    private static readonly VanlineOperationDurationHistogram Duration = Meter.CreateVanlineOperationDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claim = await queue.ReceiveAsync(stoppingToken);
            if (claim is null)
            {
                continue;
            }

            using var span = Source.StartVanlineOperation("claims");
            span.SetVanlineMoverId(pseudonymizer.PseudonymizeVanlineMoverId(claim.CustomerId)); // clean generated-api
            span.SetVanlineNote(claim.DamageDescription); // leak TC1001 generated-api
            span.SetVanlineNote($"Claim {claim.ClaimId} on job {claim.JobId}: {claim.DamageDescription.Length} characters"); // clean generated-api

            var activity = span.Activity;
            activity?.SetTag("claims.claim.id", claim.ClaimId); // clean precision-names
            activity?.SetTag("claims.job.id", claim.JobId); // clean precision-names
            activity?.SetTag("claims.amount", claim.Amount); // clean precision-about
            activity?.SetTag("claims.description", claim.DamageDescription[..Math.Min(40, claim.DamageDescription.Length)]); // leak TC1001 direct
            activity?.SetTag("claims.description.words", claim.DamageDescription.Split(' ').Length); // clean precision-about
            activity?.SetTag("claims.customer.id", claim.CustomerId); // leak TC1001 direct

            logger.LogInformation("Claim received {Claim}", claim); // leak TC1001 logging-objects
            logger.LogInformation("Claim received {Claim}", claim with { CustomerId = "", DamageDescription = "" }); // clean logging-objects
            logger.LogInformation("Claim received {Claim}", claim with { Amount = 0m }); // leak TC1001 logging-objects
            logger.LogInformation("Customer says: " + claim.DamageDescription); // leak TC1001 strings

            var decision = new ClaimDecision(claim.ClaimId, claim.Amount > 500m ? "assessor" : "settled", Math.Min(claim.Amount, 500m));
            logger.LogInformation("Claim decided {Decision}", decision); // clean logging-objects
            activity?.AddEvent(new ActivityEvent("claims.decided", tags: new ActivityTagsCollection { ["outcome"] = decision.Outcome, ["settled"] = decision.Settled })); // clean precision-about

            var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(claim.CustomerId))[0] % 4;
            Claims.Add(1, new KeyValuePair<string, object?>("cohort", cohort), new KeyValuePair<string, object?>("outcome", decision.Outcome)); // clean hashes
            ClaimAmount.Record((double)claim.Amount, new KeyValuePair<string, object?>("customer", claim.CustomerId)); // leak TC1003 direct
            Duration.Record(3.0, "claims"); // clean generated-api

            var weakKey = HashCode.Combine(claim.CustomerId);
            logger.LogDebug("Claim partition {Key}", weakKey); // leak TC1002 hashes
        }
    }
}
