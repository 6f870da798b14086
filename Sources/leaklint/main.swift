import Foundation
import LeakLintCommand

exit(Command.run(arguments: Array(CommandLine.arguments.dropFirst())))
