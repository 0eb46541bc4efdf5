// Stand-ins for ASP.NET Core authentication, the JWT bearer and certificate handlers and the
// Microsoft.IdentityModel exceptions. Only the shapes matter.
using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Authentication
{
    public class AuthenticationSchemeOptions
    {
        public object? Events { get; set; }
    }

    public sealed class AuthenticationScheme(string name, string? displayName)
    {
        public string Name { get; } = name;

        public string? DisplayName { get; } = displayName;
    }

    public sealed class AuthenticationTicket(ClaimsPrincipal principal, string authenticationScheme)
    {
        public ClaimsPrincipal Principal { get; } = principal;

        public string AuthenticationScheme { get; } = authenticationScheme;
    }

    public sealed class AuthenticateResult
    {
        private AuthenticateResult()
        {
        }

        public bool Succeeded => Ticket is not null;

        public AuthenticationTicket? Ticket { get; private init; }

        public ClaimsPrincipal? Principal => Ticket?.Principal;

        public bool None { get; private init; }

        public Exception? Failure { get; private init; }

        public static AuthenticateResult Success(AuthenticationTicket ticket) => new() { Ticket = ticket };

        public static AuthenticateResult NoResult() => new() { None = true };

        public static AuthenticateResult Fail(Exception failure) => new() { Failure = failure };

        public static AuthenticateResult Fail(string failureMessage) => new() { Failure = new AuthenticationFailureException(failureMessage) };
    }

    public sealed class AuthenticationFailureException(string? message) : Exception(message);

    /// <summary>
    /// The base of authentication handlers. As in ASP.NET Core, <c>AuthenticateAsync</c> logs the result of
    /// <see cref="HandleAuthenticateAsync"/>: a failure at Information as
    /// <c>{AuthenticationScheme} was not authenticated. Failure message: {FailureMessage}</c>, with the
    /// message of the result's <c>Failure</c>, whether the handler or one of its events
    /// (<c>context.Fail(...)</c>) made it.
    /// </summary>
    public abstract class AuthenticationHandler<TOptions>
        where TOptions : AuthenticationSchemeOptions, new()
    {
        protected AuthenticationHandler(ILoggerFactory logger)
        {
            Logger = logger.CreateLogger(GetType().FullName!);
        }

        protected ILogger Logger { get; }

        public AuthenticationScheme Scheme { get; set; } = new("Default", null);

        public TOptions Options { get; set; } = new();

        protected HttpContext Context { get; set; } = null!;

        protected HttpRequest Request => Context.Request;

        protected HttpResponse Response => Context.Response;

        protected abstract Task<AuthenticateResult> HandleAuthenticateAsync();

        protected virtual Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = 401;
            return Task.CompletedTask;
        }

        protected virtual Task HandleForbiddenAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = 403;
            return Task.CompletedTask;
        }
    }

    public sealed class AuthenticationProperties
    {
        public IDictionary<string, string?> Items { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);
    }

    public abstract class BaseContext<TOptions>(HttpContext context, AuthenticationScheme scheme, TOptions options)
        where TOptions : AuthenticationSchemeOptions
    {
        public HttpContext HttpContext { get; } = context;

        public HttpRequest Request => HttpContext.Request;

        public HttpResponse Response => HttpContext.Response;

        public AuthenticationScheme Scheme { get; } = scheme;

        public TOptions Options { get; } = options;
    }

    public abstract class ResultContext<TOptions>(HttpContext context, AuthenticationScheme scheme, TOptions options) : BaseContext<TOptions>(context, scheme, options)
        where TOptions : AuthenticationSchemeOptions
    {
        public ClaimsPrincipal? Principal { get; set; }

        public AuthenticationProperties Properties { get; set; } = new();

        public AuthenticateResult? Result { get; private set; }

        public void Success() => Result = AuthenticateResult.Success(new AuthenticationTicket(Principal!, Scheme.Name));

        public void NoResult() => Result = AuthenticateResult.NoResult();

        /// <summary>Ends authentication with a failure; the handler logs its message (see <see cref="AuthenticationHandler{TOptions}"/>).</summary>
        public void Fail(string failureMessage) => Result = AuthenticateResult.Fail(failureMessage);

        public void Fail(Exception failure) => Result = AuthenticateResult.Fail(failure);
    }
}

namespace Microsoft.AspNetCore.Authentication.JwtBearer
{
    using Microsoft.IdentityModel.Tokens;

    public sealed class JwtBearerOptions : AuthenticationSchemeOptions
    {
        public string? Authority { get; set; }

        public string? Audience { get; set; }

        public new JwtBearerEvents Events { get; set; } = new();
    }

    public sealed class MessageReceivedContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options) : ResultContext<JwtBearerOptions>(context, scheme, options)
    {
        /// <summary>The bearer token, when an event reads it from somewhere other than the Authorization header.</summary>
        public string? Token { get; set; }
    }

    public sealed class TokenValidatedContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options) : ResultContext<JwtBearerOptions>(context, scheme, options)
    {
        public SecurityToken SecurityToken { get; set; } = null!;
    }

    public sealed class AuthenticationFailedContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options) : ResultContext<JwtBearerOptions>(context, scheme, options)
    {
        public Exception Exception { get; set; } = null!;
    }

    public sealed class JwtBearerChallengeContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options, AuthenticationProperties properties) : BaseContext<JwtBearerOptions>(context, scheme, options)
    {
        public AuthenticationProperties Properties { get; } = properties;

        /// <summary>The failure of authentication, if any: what the handler or an event's <c>Fail</c> produced.</summary>
        public Exception? AuthenticateFailure { get; set; }

        public string? Error { get; set; }

        public string? ErrorDescription { get; set; }

        public bool Handled { get; private set; }

        public void HandleResponse() => Handled = true;
    }

    public sealed class ForbiddenContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options) : ResultContext<JwtBearerOptions>(context, scheme, options);

    public class JwtBearerEvents
    {
        public Func<MessageReceivedContext, Task> OnMessageReceived { get; set; } = _ => Task.CompletedTask;

        public Func<TokenValidatedContext, Task> OnTokenValidated { get; set; } = _ => Task.CompletedTask;

        public Func<AuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = _ => Task.CompletedTask;

        public Func<JwtBearerChallengeContext, Task> OnChallenge { get; set; } = _ => Task.CompletedTask;

        public Func<ForbiddenContext, Task> OnForbidden { get; set; } = _ => Task.CompletedTask;

        public virtual Task MessageReceived(MessageReceivedContext context) => OnMessageReceived(context);

        public virtual Task TokenValidated(TokenValidatedContext context) => OnTokenValidated(context);

        public virtual Task AuthenticationFailed(AuthenticationFailedContext context) => OnAuthenticationFailed(context);

        public virtual Task Challenge(JwtBearerChallengeContext context) => OnChallenge(context);

        public virtual Task Forbidden(ForbiddenContext context) => OnForbidden(context);
    }
}

namespace Microsoft.AspNetCore.Authentication.Certificate
{
    public sealed class CertificateAuthenticationOptions : AuthenticationSchemeOptions
    {
        public new CertificateAuthenticationEvents Events { get; set; } = new();
    }

    public sealed class CertificateValidatedContext(HttpContext context, AuthenticationScheme scheme, CertificateAuthenticationOptions options) : ResultContext<CertificateAuthenticationOptions>(context, scheme, options)
    {
        public X509Certificate2 ClientCertificate { get; set; } = null!;
    }

    public sealed class CertificateAuthenticationFailedContext(HttpContext context, AuthenticationScheme scheme, CertificateAuthenticationOptions options) : ResultContext<CertificateAuthenticationOptions>(context, scheme, options)
    {
        /// <summary>The chain or revocation failure (the handler's own text: "Client certificate failed validation.").</summary>
        public Exception Exception { get; set; } = null!;
    }

    public class CertificateAuthenticationEvents
    {
        public Func<CertificateValidatedContext, Task> OnCertificateValidated { get; set; } = _ => Task.CompletedTask;

        public Func<CertificateAuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = _ => Task.CompletedTask;
    }
}

namespace Microsoft.IdentityModel.Tokens
{
    public abstract class SecurityToken
    {
        /// <summary>The token's id (<c>jti</c>).</summary>
        public abstract string Id { get; }

        public abstract string Issuer { get; }

        public abstract DateTime ValidFrom { get; }

        public abstract DateTime ValidTo { get; }
    }

    /// <summary>
    /// The base of token validation failures. Microsoft.IdentityModel writes their messages from the
    /// check that failed (IDX10223 lifetime, IDX10214 audience, IDX10205 issuer, IDX10511 signature) and
    /// hides the token's claims and any personal data in them (<c>[PII of type '…' is hidden]</c>).
    /// </summary>
    public class SecurityTokenException(string message) : Exception(message);

    public class SecurityTokenValidationException(string message) : SecurityTokenException(message);

    public sealed class SecurityTokenExpiredException(string message) : SecurityTokenValidationException(message)
    {
        public DateTime Expires { get; set; }
    }

    public sealed class SecurityTokenInvalidAudienceException(string message) : SecurityTokenValidationException(message)
    {
        public string? InvalidAudience { get; set; }
    }

    public sealed class SecurityTokenInvalidSignatureException(string message) : SecurityTokenValidationException(message);
}

namespace Microsoft.IdentityModel.JsonWebTokens
{
    public sealed class JsonWebToken : Microsoft.IdentityModel.Tokens.SecurityToken
    {
        public override string Id { get; } = string.Empty;

        public override string Issuer { get; } = string.Empty;

        public override DateTime ValidFrom { get; }

        public override DateTime ValidTo { get; }

        /// <summary>The <c>sub</c> claim.</summary>
        public string? Subject { get; init; }

        public string? Azp { get; init; }

        public IEnumerable<Claim> Claims { get; init; } = Array.Empty<Claim>();

        public bool TryGetClaim(string name, out Claim? value)
        {
            foreach (var claim in Claims)
            {
                if (claim.Type == name)
                {
                    value = claim;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
