namespace Helpline.Analysis;

/// <summary>A file that cannot be read as what it was given as: the message names the file and what is wrong, in one line with nothing a terminal would act on.</summary>
public sealed class RegisterFormatException : Exception
{
    public RegisterFormatException(string file, string problem)
        : base($"{Printable.Of(file, 300)}: {problem}")
    {
        File = file;
        Problem = problem;
    }

    public RegisterFormatException()
    {
        File = Problem = "";
    }

    public RegisterFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Problem = "";
    }

    public string File { get; }

    public string Problem { get; }
}
