namespace PrivacyHoldout128.Energy;

public sealed record NominateCommand(string AccountNumber, string NomineeName, string NomineePhone, string NomineeEmail, IReadOnlyList<string> NeedsCodes, string Relationship);

/// <summary>Adds a nominee (a carer or relative) who receives the bills and calls of a customer on the priority services register.</summary>
public sealed partial class PriorityServicesNomineeHandler(
    IProxyRegistry registry,
    INotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<PriorityServicesNomineeHandler> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Psr");
    private static readonly Meter Meter = new("Supplier.Psr");
    private static readonly Counter<long> Nominations = Meter.CreateCounter<long>("supplier.psr.nominations");

    private PsrNominee? _current;

    public async Task HandleAsync(NominateCommand command, CancellationToken ct)
    {
        using var span = Source.StartHomeenergyHouseholdChange("psr-nominee");
        span.SetHomeenergyRole(command.Relationship).SetHomeenergyMemberId(pseudonymizer.PseudonymizeHomeenergyMemberId(command.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("psr.needs", string.Join(",", command.NeedsCodes)); // clean precision-names
        Activity.Current?.SetTag("psr.needs.count", command.NeedsCodes.Count); // clean precision-about
        Activity.Current?.SetTag("psr.nominee.phone_prefix", command.NomineePhone[..3]); // clean precision-about
        Activity.Current?.SetTag(HomeenergyAttributes.Contact, command.NomineePhone); // leak TC1001 generated-api

        _current = new PsrNominee(command.AccountNumber, command.NomineeName, command.NomineePhone, command.NeedsCodes);
        await registry.SaveAsync(new ProxyGrant($"PSR-{Guid.NewGuid():N}", command.AccountNumber, command.NomineeEmail, "bills,calls", command.Relationship, null), ct);
        await notifier.TextAsync(command.NomineePhone, $"You are now the nominee for account {command.AccountNumber}", ct);
        Nominations.Add(1, new KeyValuePair<string, object?>("relationship", command.Relationship)); // clean precision-names
        LogNominee(logger, command.NomineeName, command.Relationship); // clean logging-objects
        LogNomineeAdded(logger, command.AccountNumber, command.NeedsCodes.Count); // leak TC1001 direct
        ReportNominee();
    }

    private void ReportNominee()
    {
        if (_current is null)
        {
            return;
        }
        logger.LogInformation("Current nominee {Nominee}", _current); // leak TC1001 cross-member
        logger.LogInformation("Nominee needs {Needs}", _current.NeedsCodes); // clean precision-names
        var digest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(_current.NomineePhone)));
        Activity.Current?.SetTag("psr.nominee.digest", digest); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Nominee {Name} added as {Relationship}")]
    private static partial void LogNominee(ILogger logger, [PrivateData] string name, string relationship);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Nominee added to account {AccountNumber} with {Needs} needs")]
    private static partial void LogNomineeAdded(ILogger logger, string accountNumber, int needs);
}
