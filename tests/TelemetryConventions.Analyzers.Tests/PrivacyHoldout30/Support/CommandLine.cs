using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout30.Support.CommandLine;

// A System.CommandLine-style parser, reduced to the shapes the data-fix jobs use.

public abstract class Symbol(string name, string? description)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;
}

public abstract class Option(string name, string? description) : Symbol(name, description)
{
    public bool IsRequired { get; set; }

    public List<string> Aliases { get; } = new();
}

public sealed class Option<T>(string name, string? description = null) : Option(name, description)
{
    public Func<T>? DefaultValueFactory { get; set; }
}

public sealed class Argument<T>(string name, string? description = null) : Symbol(name, description);

public class Command(string name, string? description = null) : Symbol(name, description)
{
    public List<Option> Options { get; } = new();

    public List<Symbol> Arguments { get; } = new();

    public List<Command> Subcommands { get; } = new();

    public Func<InvocationContext, Task>? Handler { get; private set; }

    public void AddOption(Option option) => Options.Add(option);

    public void AddArgument<T>(Argument<T> argument) => Arguments.Add(argument);

    public void AddCommand(Command command) => Subcommands.Add(command);

    public void SetHandler(Func<InvocationContext, Task> handler) => Handler = handler;
}

public sealed class RootCommand(string description = "") : Command("root", description)
{
    public Task<int> InvokeAsync(string[] args) => Task.FromResult(0);
}

public enum TokenType
{
    Argument,
    Command,
    Option,
}

public sealed record Token(string Value, TokenType Type);

public sealed class CommandResult(Command command)
{
    public Command Command { get; } = command;
}

public sealed class ParseResult
{
    private readonly Dictionary<Symbol, object?> _values = new();

    public required CommandResult CommandResult { get; init; }

    public IReadOnlyList<Token> Tokens { get; init; } = Array.Empty<Token>();

    public IReadOnlyList<string> Errors { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> UnmatchedTokens { get; init; } = Array.Empty<string>();

    public T? GetValueForOption<T>(Option<T> option) => _values.TryGetValue(option, out var v) ? (T?)v : default;

    public T? GetValueForArgument<T>(Argument<T> argument) => _values.TryGetValue(argument, out var v) ? (T?)v : default;
}

public sealed class InvocationContext
{
    public required ParseResult ParseResult { get; init; }

    public int ExitCode { get; set; }

    public CancellationToken GetCancellationToken() => CancellationToken.None;
}
