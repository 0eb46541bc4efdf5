using System.Security.Cryptography;
using System.Text;
using OpenTelemetry;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout38.Healthcare;

/// <summary>An alert a medication round can raise; each kind names itself.</summary>
public interface IRoundAlert<TSelf>
    where TSelf : IRoundAlert<TSelf>
{
    static abstract string AlertName { get; }

    static abstract LogLevel Level { get; }

    string Subject { get; }
}

public sealed record MissedDose(string HospitalNumber, string Drug, int MinutesLate) : IRoundAlert<MissedDose>
{
    public static string AlertName => "rounds.missed_dose";

    public static LogLevel Level => LogLevel.Warning;

    public string Subject => HospitalNumber;
}

public sealed record FridgeOutOfRange(string FridgeId, decimal Celsius) : IRoundAlert<FridgeOutOfRange>
{
    public static string AlertName => "rounds.fridge_out_of_range";

    public static LogLevel Level => LogLevel.Error;

    public string Subject => FridgeId;
}

/// <summary>Tags for the doses counter, collected on the stack.</summary>
public ref struct DoseTags
{
    private TagList _tags;

    public DoseTags Ward(string ward)
    {
        _tags.Add("clinic.ward", ward);
        return this;
    }

    public DoseTags Route(string route)
    {
        _tags.Add("dose.route", route);
        return this;
    }

    public DoseTags Patient(string hospitalNumber)
    {
        _tags.Add("patient.hospital_number", hospitalNumber);
        return this;
    }

    public readonly void RecordOn(Counter<long> counter) => counter.Add(1, _tags);
}

public sealed record DoseGiven(string HospitalNumber, string NhsNumber, string Ward, string Drug, string Route);

public sealed class MedicationRoundService(ActivitySource source, ILogger<MedicationRoundService> logger, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private readonly Counter<long> _doses = meter.CreateCounter<long>("rounds.doses", "{dose}");

    public void Record(DoseGiven dose)
    {
        using var activity = source.StartActivity("rounds.dose");
        new DoseTags().Ward(dose.Ward).Route(dose.Route).RecordOn(_doses); // clean direct
        new DoseTags().Ward(dose.Ward).Patient(dose.HospitalNumber).RecordOn(_doses); // leak TC1003 cross-member

        var cohort = SHA256.HashData(Encoding.UTF8.GetBytes(dose.NhsNumber))[0] % 8;
        activity?.SetTag("rounds.audit_cohort", cohort); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(dose.NhsNumber))[0] % 8;
        activity?.SetTag("rounds.shard", shard); // clean hashes

        activity?.SetBaggage("patient.nhs_number", dose.NhsNumber); // leak TC1001 direct
        Baggage.SetBaggage("patient.ref", pseudonymizer.ComputePartyRef(dose.HospitalNumber)); // clean precision-pseudonym
    }

    public void Raise<TAlert>(TAlert alert)
        where TAlert : IRoundAlert<TAlert>
    {
        Activity.Current?.AddEvent(new ActivityEvent(TAlert.AlertName, tags: [new("alert.subject", alert.Subject)]));
        logger.Log(TAlert.Level, "Round alert {AlertName}", TAlert.AlertName); // clean direct
    }

    public void CheckRound(IReadOnlyList<DoseGiven> due, IReadOnlyList<(string FridgeId, decimal Celsius)> fridges, TimeSpan late)
    {
        foreach (var dose in due)
        {
            Raise(new MissedDose(dose.HospitalNumber, dose.Drug, (int)late.TotalMinutes)); // leak TC1001 cross-member
        }

        foreach (var (fridgeId, celsius) in fridges.Where(f => f.Celsius is < 2m or > 8m))
        {
            Raise(new FridgeOutOfRange(fridgeId, celsius)); // clean cross-member
        }

        LogAllergenChecks("penicillin", "latex", "iodine");
    }

    private void LogAllergenChecks(params ReadOnlySpan<string> allergens) =>
        logger.LogDebug("Checked {AllergenCount} allergens, first {First}", allergens.Length, allergens.IsEmpty ? "none" : allergens[0]); // clean precision-about
}
