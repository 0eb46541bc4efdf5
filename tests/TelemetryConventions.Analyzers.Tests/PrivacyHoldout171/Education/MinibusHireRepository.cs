namespace PrivacyHoldout171.Education;

/// <summary>A minibus hired from the rental company for a field trip, with the lead driver from staff.</summary>
public sealed record MinibusHire(string HireId, string TripCode, string Department, string MinibusPlate, string LeadDriverStaffId, string LeadDriverName, int Seats, decimal Deposit);

public interface IHireTable
{
    Task<MinibusHire?> GetAsync(string hireId, CancellationToken cancellationToken);

    Task<int> InsertAsync(MinibusHire hire, CancellationToken cancellationToken);
}

/// <summary>The field trip office's repository of minibus hires.</summary>
public sealed class MinibusHireRepository(IHireTable table, ILogger<MinibusHireRepository> logger)
{
    private static readonly ActivitySource Source = new("Campus.Minibus");
    private static readonly Meter Meter = new("Campus.Minibus");
    private static readonly Counter<long> Hires = Meter.CreateCounter<long>("campus.minibus.hires");
    private static readonly Histogram<double> Deposits = Meter.CreateHistogram<double>("campus.minibus.deposit", "GBP");

    public async Task SaveAsync(MinibusHire hire, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("minibus.save", ActivityKind.Client);
        activity?.SetTag("db.operation.name", "INSERT"); // clean precision-names
        activity?.SetTag("minibus.hire.id", hire.HireId); // clean precision-names
        activity?.SetTag("minibus.plate", hire.MinibusPlate); // clean precision-names
        activity?.SetTag("minibus.trip", hire.TripCode); // clean precision-names
        activity?.SetTag("minibus.lead_driver", hire.LeadDriverStaffId); // leak TC1001 direct
        activity?.SetTag("minibus.lead_driver.name", hire.LeadDriverName.ToUpperInvariant()); // leak TC1001 direct

        var rows = await table.InsertAsync(hire, cancellationToken);
        Hires.Add(rows, new KeyValuePair<string, object?>("department", hire.Department)); // clean precision-names
        Deposits.Record((double)hire.Deposit, new KeyValuePair<string, object?>("seats", hire.Seats)); // clean precision-about
        logger.LogInformation("Saved minibus hire {Hire}", hire); // leak TC1001 logging-objects
        logger.LogInformation("Saved minibus hire {HireId} for {Department}, {Seats} seats", hire.HireId, hire.Department, hire.Seats); // clean precision-names
    }

    public async Task<MinibusHire> GetAsync(string hireId, CancellationToken cancellationToken)
    {
        var hire = await table.GetAsync(hireId, cancellationToken);
        if (hire is null)
        {
            logger.LogWarning("No minibus hire {HireId}", hireId); // clean precision-names
            throw new KeyNotFoundException($"Minibus hire {hireId} not found");
        }

        var driverNote = "lead driver " + hire.LeadDriverName;
        Activity.Current?.AddEvent(new ActivityEvent("minibus.loaded", tags: new ActivityTagsCollection { ["note"] = driverNote })); // leak TC1001 strings
        return hire;
    }
}

/// <summary>Checks the declared passengers of a field trip minibus against the trip list.</summary>
public sealed class MinibusManifestChecker(ILogger<MinibusManifestChecker> logger)
{
    private static readonly ActivitySource Source = new("Campus.Minibus.Manifest");

    public void Check(MinibusHire hire, IReadOnlyList<string> studentNumbers, IReadOnlyList<string> tripList)
    {
        using var activity = Source.StartActivity("minibus.manifest");
        activity?.SetTag("minibus.passengers", studentNumbers.Count); // clean precision-about
        var missing = studentNumbers.Except(tripList).ToList();
        activity?.SetTag("minibus.passengers.missing", missing.Count); // clean precision-about
        activity?.SetTag("minibus.passengers.missing.ids", string.Join(';', missing)); // leak TC1001 strings
        logger.LogWarning("Students not on the trip list: {Missing}", missing); // leak TC1001 logging-objects
        if (studentNumbers.Count > hire.Seats)
        {
            var ex = new InvalidOperationException($"Minibus {hire.MinibusPlate} over capacity: {studentNumbers.Count} for {hire.Seats}");
            activity?.AddException(ex); // clean exceptions
            var named = new InvalidOperationException($"Lead driver {hire.LeadDriverStaffId} over capacity");
            logger.LogError(named, "Manifest rejected"); // leak TC1001 exceptions
        }
    }
}
