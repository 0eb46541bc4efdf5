namespace PrivacyHoldout171.Energy;

/// <summary>A van hired from the rental company for a field engineer while the engineer's own fleet van is off the road.</summary>
public sealed record VanHire(string AgreementNumber, string EngineerNumber, string EngineerEmail, string VanPlate, string Depot, string RentalCompany, int Days);

public interface IVanHireQueue
{
    Task<IReadOnlyList<VanHire>> DueForReturnAsync(CancellationToken cancellationToken);

    Task ExtendAsync(string agreementNumber, int days, CancellationToken cancellationToken);
}

/// <summary>Nightly worker: extends van hires that are due back while the engineer's van is still in the workshop.</summary>
public sealed class EngineerVanHireWorker(IVanHireQueue queue, Pseudonymizer pseudonymizer, ILogger<EngineerVanHireWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Grid.VanHire");
    private static readonly Meter Meter = new("Grid.VanHire");
    private readonly VanhireRentalsCounter _rentals = Meter.CreateVanhireRentalsCounter();
    private readonly VanhireRentalDurationHistogram _duration = Meter.CreateVanhireRentalDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = await queue.DueForReturnAsync(stoppingToken);
        using var batch = Source.StartVanhireOperation("all-depots");
        batch.SetVanhireItemCount(due.Count); // clean generated-api
        logger.LogInformation("{Count} van hires due back", due.Count); // clean precision-about

        foreach (var hire in due)
        {
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartVanhireOperation(hire.Depot);
            span.SetVanhireRenterId(pseudonymizer.PseudonymizeVanhireRenterId(hire.EngineerNumber)); // clean generated-api
            span.SetVanhireVehicleClass("van"); // clean generated-api
            span.SetVanhireNote($"Extending {hire.AgreementNumber} ({hire.VanPlate}) with {hire.RentalCompany}"); // clean generated-api
            span.SetVanhireNote($"Engineer {hire.EngineerNumber} still without a van"); // leak TC1001 generated-api

            using (logger.BeginScope(new Dictionary<string, object> { ["Agreement"] = hire.AgreementNumber, ["Depot"] = hire.Depot })) // clean precision-names
            using (logger.BeginScope(new Dictionary<string, object> { ["Engineer"] = hire.EngineerEmail })) // leak TC1001 direct
            {
                await queue.ExtendAsync(hire.AgreementNumber, 3, stoppingToken);
                logger.LogInformation("Extended hire of {VanPlate} by 3 days", hire.VanPlate); // clean precision-names
                TagHire(hire.AgreementNumber, hire.Depot); // clean cross-member
            }

            _rentals.Add(1, hire.Depot, "extended"); // clean generated-api
            _rentals.Add(1, hire.Depot, hire.EngineerNumber); // leak TC1003 generated-api
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, hire.Depot); // clean generated-api
        }
    }

    private static void TagHire(string agreementNumber, string depot)
    {
        Activity.Current?.AddEvent(new ActivityEvent("vanhire.extended", tags: new ActivityTagsCollection { ["agreement"] = agreementNumber, ["depot"] = depot })); // clean precision-names
    }
}

/// <summary>Answers a depot's question about which engineer has a hired van.</summary>
public sealed class HiredVanLookup(ILogger<HiredVanLookup> logger)
{
    private static readonly ActivitySource Source = new("Grid.VanHire.Lookup");

    public string? WhoHas(IReadOnlyDictionary<string, VanHire> hiresByPlate, string vanPlate)
    {
        using var activity = Source.StartActivity("vanhire.lookup");
        activity?.SetTag("vanhire.plate", vanPlate); // clean precision-names
        if (!hiresByPlate.TryGetValue(vanPlate, out var hire))
        {
            logger.LogInformation("No hire for {VanPlate}", vanPlate); // clean precision-names
            return null;
        }

        activity?.SetTag("vanhire.days", hire.Days); // clean precision-about
        activity?.SetTag("vanhire.engineer", hire.EngineerNumber); // leak TC1001 cross-member
        logger.LogInformation("Hired vans: {Hires}", hiresByPlate.Values); // leak TC1001 logging-objects
        logger.LogInformation("Van {VanPlate} is with engineer {Email}", vanPlate, hire.EngineerEmail.ToLowerInvariant()); // leak TC1001 direct
        return hire.EngineerNumber;
    }
}
