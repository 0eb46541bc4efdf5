using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.HttpLogging;

namespace PrivacyHoldout50.Media;

/// <summary>
/// Shapes the HTTP log of the playback endpoints: the query (the entitlement token) is left out and the
/// title and device are added. <c>X-Device-Id</c> is the id of the subscriber's own television, stick or
/// phone as registered to the account; its first four characters name the device class (<c>ATV4</c>,
/// <c>FTVS</c>, <c>IPHN</c>).
/// </summary>
public sealed class PlaybackHttpLoggingInterceptor : IHttpLoggingInterceptor
{
    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var request = logContext.HttpContext.Request;
        if (!request.Path.StartsWithSegments("/playback"))
        {
            return ValueTask.CompletedTask;
        }

        logContext.TryDisable(HttpLoggingFields.RequestQuery | HttpLoggingFields.RequestHeaders);
        var deviceId = request.Headers["X-Device-Id"].ToString();
        logContext.AddParameter("title", request.RouteValues["titleId"]); // clean precision-names
        logContext.AddParameter("device_class", deviceId.Length >= 4 ? deviceId[..4] : "unknown"); // clean precision-about
        logContext.AddParameter("device_id", deviceId); // leak TC1001 direct
        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        var request = logContext.HttpContext.Request;
        if (request.Path.StartsWithSegments("/playback"))
        {
            logContext.AddParameter("profile", request.Headers["X-Profile-Id"].ToString()); // leak TC1001 direct
            logContext.AddParameter("cdn", logContext.HttpContext.Response.Headers["X-Cdn-Pop"].ToString()); // clean precision-names
            logContext.AddParameter("claims", logContext.HttpContext.User.Claims.Select(c => $"{c.Type}={c.Value}").ToArray()); // leak TC1001 logging-objects
            logContext.AddParameter("claim_types", logContext.HttpContext.User.Claims.Select(c => c.Type).Distinct().ToArray()); // clean precision-names
        }

        return ValueTask.CompletedTask;
    }
}
