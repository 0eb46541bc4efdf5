#nullable disable
using System;
using System.Collections.Specialized;
using System.Globalization;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PrivacyHoldout28.Support.Common;

// The organisation's in-house "Common" library, kept from the log4net and app.config days and
// ported onto Microsoft.Extensions.Logging. Every service references it.

/// <summary>Static entry point: the host sets the factory once at start-up.</summary>
public static class Log
{
    private static ILoggerFactory _factory = NullLoggerFactory.Instance;

    public static ILoggerFactory Factory
    {
        get { return _factory; }
        set { _factory = value ?? NullLoggerFactory.Instance; }
    }

    private static ILogger Default
    {
        get { return _factory.CreateLogger("Contoso.Legacy"); }
    }

    public static void Debug(string message)
    {
        Default.LogDebug(message);
    }

    public static void Info(string message)
    {
        Default.LogInformation(message);
    }

    public static void Warn(string message)
    {
        Default.LogWarning(message);
    }

    public static void Error(string message)
    {
        Default.LogError(message);
    }

    public static void Error(Exception ex, string message)
    {
        Default.LogError(ex, message);
    }
}

/// <summary>The team's logger wrapper: one per class, as the old log4net <c>ILog</c> was.</summary>
public sealed class AppLogger
{
    private readonly ILogger _logger;

    public AppLogger(ILogger logger)
    {
        _logger = logger;
    }

    public static AppLogger For(Type type)
    {
        return new AppLogger(Log.Factory.CreateLogger(type.FullName ?? type.Name));
    }

    public bool IsDebugEnabled
    {
        get { return _logger.IsEnabled(LogLevel.Debug); }
    }

    public void Debug(string message)
    {
        if (IsDebugEnabled)
        {
            _logger.LogDebug("[{Thread}] " + message, Thread.CurrentThread.ManagedThreadId);
        }
    }

    public void Info(string message)
    {
        _logger.LogInformation("[{Thread}] " + message, Thread.CurrentThread.ManagedThreadId);
    }

    public void InfoFormat(string format, params object[] args)
    {
        _logger.LogInformation(string.Format(CultureInfo.InvariantCulture, format, args));
    }

    public void Warn(string message)
    {
        _logger.LogWarning("[{Thread}] " + message, Thread.CurrentThread.ManagedThreadId);
    }

    public void Error(string message)
    {
        _logger.LogError("[{Thread}] " + message, Thread.CurrentThread.ManagedThreadId);
    }

    public void Error(string message, Exception ex)
    {
        _logger.LogError(ex, "[{Thread}] " + message, Thread.CurrentThread.ManagedThreadId);
    }
}

/// <summary>app.config's appSettings, now filled from the host's configuration.</summary>
public static class ConfigurationManager
{
    public static NameValueCollection AppSettings { get; } = new NameValueCollection();

    public static string ConnectionString(string name)
    {
        return AppSettings["ConnectionStrings:" + name] ?? "Server=.;Database=" + name + ";Integrated Security=true";
    }
}
