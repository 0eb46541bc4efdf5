using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout58.Media;

public static class AccountEndpoints
{
    // Lets ArgumentException escape to the middleware: PlaybackGuards.RequireEmail quotes what was typed.
    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/account/email", async (EmailChange change, ISubscriberDirectory directory, CancellationToken ct) =>
        {
            PlaybackGuards.RequireEmail(change.NewEmail);
            await directory.ChangeEmailAsync(change.SubscriberId, change.NewEmail, ct);
        });
}

/// <summary>
/// The playback API's global error handler, first in the pipeline. It sees everything the endpoints
/// let escape: from <see cref="PlaybackAuthorizer"/> the device-class and profile argument errors and
/// the three refusals, and from <see cref="AccountEndpoints"/> the email argument error.
/// </summary>
public sealed class PlaybackErrorMiddleware(ILogger<PlaybackErrorMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            var activity = Activity.Current;
            var root = ex.GetBaseException();
            activity?.SetTag("error.type", root.GetType().Name); // clean precision-names
            activity?.SetTag("error.message", root.Message); // leak TC1001 exceptions
            activity?.SetTag("error.hresult", ex.HResult); // clean precision-about
            activity?.SetTag("error.group", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(root.Message)))); // leak TC1002 hashes
            logger.LogError("Playback API error {Type}: {Detail}", ex.GetType().Name, ex.ToString()); // leak TC1001 exceptions
            logger.LogError("Playback API error {Type} on {Method}", ex.GetType().Name, context.Request.Method); // clean precision-names

            context.Response.StatusCode = ex switch
            {
                ArgumentException => 400,
                PlaybackDeniedException => 403,
                _ => 500,
            };
            if (ex is ArgumentException argument)
            {
                activity?.SetTag("error.param", argument.ParamName); // clean precision-names
                activity?.SetTag("error.actual_value", (argument as ArgumentOutOfRangeException)?.ActualValue); // leak TC1001 cross-member
            }
            if (ex is PlaybackDeniedException denied)
            {
                activity?.SetTag("error.code", denied.Code); // clean exceptions
            }
            await context.Response.WriteAsJsonAsync(new { error = root.Message, code = (ex as PlaybackDeniedException)?.Code }); // clean exceptions
        }
    }
}
