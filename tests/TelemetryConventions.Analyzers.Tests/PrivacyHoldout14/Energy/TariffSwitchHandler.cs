using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Energy;

public abstract record SupplyRequest(string AccountNumber, string Mpan)
{
    public required string Channel { get; init; }
}

public sealed record SwitchTariff(string AccountNumber, string Mpan, string FromTariff, string ToTariff, string ContactEmail) : SupplyRequest(AccountNumber, Mpan);

public sealed record MoveOut(string AccountNumber, string Mpan, DateOnly MoveDate) : SupplyRequest(AccountNumber, Mpan);

public sealed class TariffSwitchException(string message, Exception? inner = null) : Exception(message, inner);

public interface ISupplierGateway
{
    Task<string> SwitchAsync(string accountNumber, string mpan, string tariff, CancellationToken cancellationToken);
}

public sealed class TariffSwitchHandler(
    ISupplierGateway supplier,
    ILogger<TariffSwitchHandler> logger,
    Pseudonymizer pseudonymizer,
    IOptions<GridTelemetryOptions> options) : IMessageHandler<SupplyRequest>
{
    private static readonly ActivitySource Source = new("Grid.Supply");

    public async Task HandleAsync(MessageContext<SupplyRequest> context, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("supply.request");
        var request = context.Message;
        activity?.SetTag("messaging.message.id", context.MessageId);
        activity?.SetTag("grid.mpan.distributor", request.Mpan[..2]); // clean precision-about
        Baggage.SetBaggage("grid.region", options.Value.Region); // clean direct
        Baggage.SetBaggage("grid.account", request.AccountNumber); // leak TC1001 direct

        var audited = request with { Channel = "audit", AccountNumber = pseudonymizer.ComputeGridAccountId(request.AccountNumber), Mpan = request.Mpan[..2] };
        logger.LogInformation("Supply request {@Request}", audited); // leak TC1001 logging-objects

        try
        {
            var confirmation = request switch
            {
                SwitchTariff change => await SwitchAsync(change, activity, cancellationToken),
                MoveOut move => $"move-out on {move.MoveDate:yyyy-MM-dd}",
                _ => "ignored",
            };
            activity?.SetTag("grid.supplier.confirmation", confirmation); // clean precision-about
        }
        catch (TariffSwitchException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Switch refused for message {MessageId}", context.MessageId); // leak TC1001 exceptions
        }
        catch (HttpRequestException ex)
        {
            activity?.AddException(ex); // clean exceptions
            activity?.SetTag("error.type", ex.StatusCode?.ToString() ?? ex.GetType().Name); // clean exceptions
        }
    }

    private async Task<string> SwitchAsync(SwitchTariff change, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("grid.tariff.from", change.FromTariff); // clean direct
        activity?.SetTag("grid.tariff.to", change.ToTariff);
        activity?.SetTag("grid.mpan", change.Mpan); // leak TC1001 direct

        var forLog = change with { ContactEmail = change.ContactEmail[(change.ContactEmail.IndexOf('@') + 1)..], AccountNumber = pseudonymizer.ComputeGridAccountId(change.AccountNumber), Mpan = change.Mpan[..2] };
        logger.LogInformation("Switching {Switch}", forLog); // clean precision-pseudonym
        logger.LogInformation("Switching {Switch}", change); // leak TC1001 logging-objects

        if (change.FromTariff == change.ToTariff)
        {
            throw new TariffSwitchException($"Account {change.AccountNumber} is already on {change.ToTariff}");
        }

        return await supplier.SwitchAsync(change.AccountNumber, change.Mpan, change.ToTariff, cancellationToken);
    }
}
