using System.Net.Http;
using AutoMapper;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Energy;

public sealed class SwitchRequest
{
    public AccountNumber AccountNumber { get; init; }

    public Mpan Mpan { get; init; }

    public string FromTariff { get; init; } = "";

    public string ToTariff { get; init; } = "";

    public string ContactEmail { get; init; } = "";

    public bool PaysByDirectDebit { get; init; }
}

public sealed record TariffSwitchRequested(Guid SwitchId, string AccountNumber, string Mpan, string FromTariff, string ToTariff);

public sealed record TariffSwitchView(Guid SwitchId, string FromTariff, string ToTariff, string Distributor);

public sealed class SwitchProfile : Profile
{
    public SwitchProfile()
    {
        CreateMap<SwitchRequest, TariffSwitchRequested>();
        CreateMap<SwitchRequest, TariffSwitchView>()
            .ForMember(d => d.Distributor, o => o.MapFrom(s => s.Mpan.Distributor));
    }
}

public sealed class SwitchRejectedException(TariffSwitchRequested request)
    : Exception($"Switch {request.SwitchId} was rejected by the registration service")
{
    public TariffSwitchRequested Request { get; } = request;
}

public interface IRegistrationClient
{
    Task SubmitAsync(TariffSwitchRequested request, CancellationToken cancellationToken);
}

public sealed class TariffSwitchHandler(ILogger<TariffSwitchHandler> logger, IMapper mapper, IRegistrationClient registration, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _switches = meter.CreateCounter<long>("energy.tariff.switches");

    public async Task HandleAsync(SwitchRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartModelOperation("publish", nameof(TariffSwitchRequested));
        var activity = span.Activity;
        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(request.AccountNumber.Value)); // clean precision-pseudonym

        var requested = mapper.Map<TariffSwitchRequested>(request);
        span.SetModelId(requested.SwitchId.ToString()); // clean cross-member
        logger.LogInformation("Switch requested {Event}", requested); // leak TC1001 logging-objects
        var view = mapper.Map<TariffSwitchView>(request);
        logger.LogInformation("Switch view {View}", view);

        var tags = new Dictionary<string, object?>
        {
            ["energy.tariff.from"] = request.FromTariff,
            ["energy.tariff.to"] = request.ToTariff,
            ["energy.account"] = request.AccountNumber,
        };
        foreach (var (key, value) in tags)
        {
            activity?.SetTag(key, value); // leak TC1001 cross-member
        }

        var safeTags = new Dictionary<string, object?>
        {
            ["energy.tariff.from"] = request.FromTariff,
            ["energy.tariff.to"] = request.ToTariff,
            ["energy.direct_debit"] = request.PaysByDirectDebit,
        };
        foreach (var tag in safeTags)
        {
            activity?.SetTag(tag.Key, tag.Value); // clean cross-member
        }

        logger.LogModelChangedEvent(nameof(SwitchRequest), modelChanges: "Tariff", modelNote: $"{request.FromTariff} -> {request.ToTariff}"); // clean generated-api
        logger.LogModelChangedEvent(nameof(SwitchRequest), modelNote: $"{request.AccountNumber}: {request.FromTariff} -> {request.ToTariff}"); // leak TC1001 generated-api

        try
        {
            await registration.SubmitAsync(requested, cancellationToken);
        }
        catch (SwitchRejectedException ex)
        {
            logger.LogError(ex, "Switch rejected"); // clean exceptions
            logger.LogError("Rejected switch {Request}", ex.Request); // leak TC1001 cross-member
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return;
        }
        catch (HttpRequestException ex)
        {
            var wrapped = new InvalidOperationException($"Could not submit {requested}", ex);
            logger.LogError(wrapped, "Registration service unavailable"); // leak TC1001 exceptions
            return;
        }

        logger.LogInformation("Confirmation sent to a mailbox at {Domain}", request.ContactEmail.Split('@')[^1]); // clean precision-about
        meter.CreateModelPublishedCounter().Add(1, modelType: nameof(TariffSwitchRequested), modelOutcome: request.ToTariff); // clean direct
        _switches.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeModelSubjectId(request.AccountNumber.Value))); // leak TC1003 precision-pseudonym
        _switches.Add(1, new KeyValuePair<string, object?>("customer_tier", request.PaysByDirectDebit ? "dd" : "on-demand")); // clean precision-names
    }
}
