using System.Reflection;
using AutoMapper;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Media;

/// <summary>Leaves a property out of <see cref="ObjectLogging.LogObject"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotLoggedAttribute : Attribute;

public static class ObjectLogging
{
    /// <summary>Logs a message with every public property of <paramref name="value"/> as a structured field.</summary>
    public static void LogObject(this ILogger logger, string message, object value)
    {
        var fields = value.GetType().GetProperties()
            .Where(p => p.GetCustomAttribute<NotLoggedAttribute>() is null)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(value)))
            .ToList();
        using (logger.BeginScope(fields)) // leak TC1001 logging-objects
        {
            logger.LogInformation(message);
        }
    }
}

public sealed class DeviceRegistration
{
    [NotLogged]
    public string Serial { get; init; } = "";

    [NotLogged]
    public Guid SubscriberId { get; init; }

    public string Model { get; init; } = "";

    public string OsVersion { get; init; } = "";

    public string AppVersion { get; init; } = "";

    public string Territory { get; init; } = "";
}

public sealed class DeviceHeartbeat
{
    public Guid SessionId { get; init; }

    public Guid SubscriberId { get; init; }

    public string TitleId { get; init; } = "";

    public int BitrateKbps { get; init; }
}

public sealed record DeviceRegistered(string Serial, string Model, string Territory, Guid SubscriberId);

public sealed record DeviceModelRegistered(string Model, string Territory, string? Serial, Guid? SubscriberId);

public sealed class DeviceProfile : Profile
{
    public DeviceProfile()
    {
        CreateMap<DeviceRegistration, DeviceRegistered>();
        CreateMap<DeviceRegistration, DeviceModelRegistered>()
            .ForMember(d => d.Serial, o => o.Ignore())
            .ForMember(d => d.SubscriberId, o => o.Ignore());
    }
}

public sealed class DeviceLimitExceededException(Guid subscriberId, int limit)
    : Exception($"Subscriber {subscriberId} already has {limit} registered devices");

public sealed class UnsupportedModelException(string model) : Exception($"Model {model} is not supported");

public interface IDeviceRegistry
{
    void Register(DeviceRegistration registration);
}

public sealed class DeviceRegistrationHandler(ILogger<DeviceRegistrationHandler> logger, IMapper mapper, IDeviceRegistry registry, ActivitySource source, Pseudonymizer pseudonymizer)
{
    public void Register(DeviceRegistration registration)
    {
        using var span = source.StartModelOperation("register", nameof(DeviceRegistration));
        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(registration.SubscriberId.ToString())); // clean precision-pseudonym
        logger.LogObject("Device registering", registration); // clean cross-member
        span.Activity?.SetTag("media.device.model", registration.Model);
        span.Activity?.SetTag("media.device.serial_prefix", registration.Serial[..4]); // clean precision-about

        try
        {
            registry.Register(registration);
        }
        catch (DeviceLimitExceededException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogModelRejectedEvent(nameof(DeviceRegistration), "device-limit", modelNote: ex.GetType().Name); // clean exceptions
            return;
        }
        catch (UnsupportedModelException ex)
        {
            logger.LogWarning(ex, "Registration refused"); // clean exceptions
            return;
        }

        var registered = mapper.Map<DeviceRegistered>(registration);
        logger.LogInformation("Registered {Event}", registered); // leak TC1001 logging-objects
        var byModel = mapper.Map<DeviceModelRegistered>(registration);
        logger.LogInformation("Registered {Event}", byModel); // clean logging-objects
        span.Activity?.SetTag("media.device.registered", registered.Serial); // leak TC1001 cross-member
    }

    public void Heartbeat(DeviceHeartbeat heartbeat)
    {
        logger.LogObject("Heartbeat", heartbeat); // leak TC1001 cross-member
        Activity.Current?.SetTag("media.session", heartbeat.SessionId.ToString());
        Activity.Current?.SetTag("media.bitrate", heartbeat.BitrateKbps);
    }
}
