using System.Text;
using PrivacyHoldout38.Support;

namespace PrivacyHoldout38.Energy;

/// <summary>A command against a supply account; each kind names its operation.</summary>
public interface ITariffCommand<TSelf>
    where TSelf : ITariffCommand<TSelf>
{
    static abstract string Operation { get; }

    string AccountNumber { get; }

    string Region { get; }
}

public sealed record SwitchTariff(string AccountNumber, string Region, string FromTariff, string ToTariff, string Mpan) : ITariffCommand<SwitchTariff>
{
    public static string Operation => "tariff.switch";
}

public sealed record CloseAccount(string AccountNumber, string Region, DateOnly FinalReadOn) : ITariffCommand<CloseAccount>
{
    public static string Operation => "account.close";
}

public sealed record SmartMeterCommand
{
    public required string MeterSerial { get; init; }

    public required string Command { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

public sealed class TariffSwitchService(ILogger<TariffSwitchService> logger, Meter meter, IMessageBus bus)
{
    private readonly Counter<long> _switches = meter.CreateCounter<long>("energy.tariff_switches", "{switch}");

    private static void Trace<TCommand>(TCommand command)
        where TCommand : ITariffCommand<TCommand>
    {
        Activity.Current?.SetTag("energy.operation", TCommand.Operation); // clean precision-names
        Activity.Current?.SetTag("energy.account_number", command.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("energy.region", command.Region); // clean direct
    }

    public async Task SwitchAsync(SwitchTariff request, CancellationToken cancellationToken)
    {
        Trace(request); // leak TC1001 cross-member

        var tags = new TagList();
        tags.AddSupply(request.Region, request.ToTariff);
        _switches.Add(1, tags); // clean cross-member

        var pointTags = new TagList();
        pointTags.AddSupplyPoint(request.Mpan);
        _switches.Add(1, pointTags); // leak TC1003 cross-member

        Activity.Current?.SetTag("energy.account_bucket", HashCode.Combine(request.AccountNumber) & 15); // leak TC1002 hashes
        Activity.Current?.SetTag("energy.account_b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(request.AccountNumber))); // leak TC1001 hashes

        await bus.PublishAsync("tariffs", request.AccountNumber, request with { Mpan = request.Mpan.Distributor }, cancellationToken);
        logger.LogInformation("Published {Switch}", request with { AccountNumber = "(withheld)", Mpan = request.Mpan.Distributor }); // clean logging-objects
    }

    public Task CloseAsync(CloseAccount request, CancellationToken cancellationToken)
    {
        Trace(request); // leak TC1001 cross-member
        logger.LogInformation("Closing an account in {Region}, final read on {FinalReadOn}", request.Region, request.FinalReadOn); // clean direct
        return Task.CompletedTask;
    }

    public void Send(SmartMeterCommand command)
    {
        logger.LogInformation("Sending {@Command}", command); // leak TC1001 logging-objects
        logger.LogInformation("Sending {Command} with a timeout of {Timeout}", command.Command, command.Timeout); // clean precision-about
    }
}
